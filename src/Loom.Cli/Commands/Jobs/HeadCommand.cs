using System.CommandLine;
using System.Runtime.InteropServices;
using Loom.Head;
using Loom.Jobs.Client;
using Microsoft.Extensions.Logging;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom head</c>: runs a head in the foreground until it is asked to stop (what <c>loom start --head</c> launches).</summary>
internal static partial class HeadCommand
{
    public static Command Create()
    {
        var home = new Option<string?>("--home") { Description = "The state folder (default: $LOOM_HOME, else ~/.loom)." };
        var settings = new HeadSettingsOptions();
        var command = new Command("head", "Run a head in the foreground (the node, the job service and its API).") { home };
        command.Hidden = true;
        settings.AddTo(command);
        command.SetAction((parseResult, _) => Loom.Cli.Jobs.JobCommandRunner.RunAsync(() => RunAsync(
            parseResult.GetValue(home) is { } path ? new LoomHome(path) : LoomHome.Resolve(), settings.Read(parseResult))));
        return command;
    }

    private static async Task<int> RunAsync(LoomHome home, HeadSettings settings)
    {
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz "; o.SingleLine = true; })
            .SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning));
        var log = loggerFactory.CreateLogger("Loom.Head");
        HeadServer head;
        try
        {
            head = await HeadServer.StartAsync(settings.ToOptions(home), loggerFactory).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: the head could not start: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (head.ConfigureAwait(false))
        {
            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
            HeadLog.Listening(log, head.Url, home.Path);
            await Task.WhenAny(stop.Task, head.ShutdownRequested).ConfigureAwait(false);
            HeadLog.Stopping(log);
        }

        return 0;
    }

    private static partial class HeadLog
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Head listening on {Url} for {Home}")]
        public static partial void Listening(ILogger logger, string url, string home);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Head stopping")]
        public static partial void Stopping(ILogger logger);
    }
}
