using System.CommandLine;
using Loom.Cli.Demo;

namespace Loom.Cli.Commands;

/// <summary><c>loom demo</c>: tasks, object refs, an actor and GPU scheduling on an embedded cluster.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var numGpus = new Option<int?>("--num-gpus")
        {
            Description = "Logical GPUs for the embedded cluster (default: the machine's, or 4 when it has none).",
        };
        var numCpus = new Option<int?>("--num-cpus")
        {
            Description = "CPUs for the embedded cluster (default: the machine's cores).",
        };
        numGpus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0)
            {
                result.AddError("--num-gpus must be 0 or more.");
            }
        });
        numCpus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--num-cpus must be 1 or more.");
            }
        });
        var command = new Command("demo", "Run a short tour of Loom on an embedded cluster and check its results.")
        {
            numGpus,
            numCpus,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new DemoSettings(parseResult.GetValue(numCpus), parseResult.GetValue(numGpus));
            return new DemoRunner(settings).RunAsync(cancellationToken);
        });
        return command;
    }
}
