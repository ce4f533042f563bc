using System.CommandLine;
using Loom.Cli.Jobs;
using Loom.Cli.Tune;
using Loom.Tune;

namespace Loom.Cli.Commands.Tune;

/// <summary><c>loom tune restore PATH</c>: continues an interrupted experiment.</summary>
internal static class TuneRestoreCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "The experiment's folder." };
        var cluster = new TuneClusterOptions();
        var command = new Command("restore", "Continue an interrupted experiment: finished trials are kept, unfinished ones resume from their checkpoints.") { path };
        cluster.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => JobCommandRunner.RunAsync(async () =>
        {
            var experiment = Path.GetFullPath(parseResult.GetValue(path)!);
            var specFile = Path.Combine(experiment, TuneSession.SpecFileName);
            if (!Tuner.CanRestore(experiment) || !File.Exists(specFile))
            {
                throw new CliFailure($"{experiment} holds no experiment started by 'loom tune run' (it needs experiment_state.json and {TuneSession.SpecFileName}).", ExitCodes.Usage);
            }

            var spec = TuneSpecReader.ReadFile(specFile);
            return await TuneSession.RunAsync(
                parseResult.GetValue(cluster.Cpus),
                parseResult.GetValue(cluster.Gpus),
                loom => Tuner.Restore(experiment, loom, spec.Trainable(), spec.Space, spec.TuneConfig(), spec.RunConfig(Path.GetDirectoryName(experiment)!, null)),
                cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }
}
