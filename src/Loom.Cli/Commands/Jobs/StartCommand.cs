using System.CommandLine;
using Loom.Cli.Jobs;
using Loom.Jobs.Client;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom start --head</c>: starts a background head for this <c>LOOM_HOME</c>.</summary>
internal static class StartCommand
{
    public static Command Create()
    {
        var head = new Option<bool>("--head") { Description = "Start the head: the Loom node plus the job service (required)." };
        var settings = new HeadSettingsOptions();
        var command = new Command("start", "Start a background head (state in $LOOM_HOME, default ~/.loom).") { head };
        settings.AddTo(command);
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            if (!parseResult.GetValue(head))
            {
                throw new CliFailure("Say what to start: 'loom start --head' starts the head on this machine.", ExitCodes.Usage);
            }

            var home = LoomHome.Resolve();
            var values = settings.Read(parseResult);
            if (await HeadLauncher.TryConnectAsync(home).ConfigureAwait(false) is { } running)
            {
                using (running)
                {
                    var info = await running.InfoAsync().ConfigureAwait(false);
                    throw new CliFailure($"A head is already running at {HeadLauncher.Describe(info)}. Stop it first with 'loom stop'.");
                }
            }

            using var client = await HeadLauncher.StartAsync(home, values.ToArguments()).ConfigureAwait(false);
            var started = await client.InfoAsync().ConfigureAwait(false);
            Console.WriteLine($"Started a head at {HeadLauncher.Describe(started)}.");
            Console.WriteLine("Submit jobs with 'loom run -s local ...'; stop it with 'loom stop'.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
