using System.CommandLine;
using Loom.Worker.Isolation;

namespace Loom.Cli.Commands;

/// <summary><c>loom worker</c>: a worker process started by a Loom node; it talks to the node over stdin and stdout.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Run tasks and actors for the Loom node that started this process (over stdin/stdout; not for interactive use).")
        {
            Hidden = true,
        };
        command.SetAction((_, cancellationToken) => WorkerHost.RunAsync(cancellationToken));
        return command;
    }
}
