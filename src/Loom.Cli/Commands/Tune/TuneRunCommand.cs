using System.CommandLine;
using System.Globalization;
using Loom.Cli.Jobs;
using Loom.Cli.Tune;
using Loom.Tune;

namespace Loom.Cli.Commands.Tune;

/// <summary><c>loom tune run SPEC.yaml [--storage DIR] [--name NAME]</c>: runs an experiment.</summary>
internal static class TuneRunCommand
{
    public static Command Create()
    {
        var spec = new Argument<string>("SPEC") { Description = "The tune spec (YAML): command, metric, space, search, scheduler, stop." };
        var storage = new Option<string?>("--storage") { Description = "The folder experiments are stored in (default: ~/loom_results)." };
        var name = new Option<string?>("--name") { Description = "The experiment's name, its folder under the storage (default: the spec's name)." };
        var cluster = new TuneClusterOptions();
        var command = new Command("run", "Run a tuning experiment from a YAML spec on an embedded cluster.") { spec, storage, name };
        cluster.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => JobCommandRunner.RunAsync(async () =>
        {
            var specPath = Path.GetFullPath(parseResult.GetValue(spec)!);
            var parsed = TuneSpecReader.ReadFile(specPath);
            var run = parsed.RunConfig(Path.GetFullPath(parseResult.GetValue(storage) ?? new RunConfig().StoragePath), parseResult.GetValue(name));
            var experiment = run.ExperimentPath;
            if (Tuner.CanRestore(experiment))
            {
                throw new CliFailure($"{experiment} already holds an experiment; continue it with 'loom tune restore {experiment}' or pick another --name.", ExitCodes.Usage);
            }

            Directory.CreateDirectory(experiment);
            await File.WriteAllTextAsync(Path.Combine(experiment, TuneSession.SpecFileName), KeptCopy(specPath), cancellationToken).ConfigureAwait(false);
            return await TuneSession.RunAsync(
                parseResult.GetValue(cluster.Cpus),
                parseResult.GetValue(cluster.Gpus),
                loom => new Tuner(loom, parsed.Trainable(), parsed.Space, parsed.TuneConfig(), run),
                cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary>The spec as kept in the experiment folder: with <c>base_dir</c> set so that relative paths still resolve.</summary>
    private static string KeptCopy(string specPath)
    {
        var text = File.ReadAllText(specPath);
        if (text.Split('\n').Any(l => l.StartsWith(TuneSpecReader.BaseDirKey + ":", StringComparison.Ordinal)))
        {
            return text;
        }

        var folder = Path.GetDirectoryName(specPath)!.Replace("'", "''", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"{text.TrimEnd()}\n# Added by 'loom tune run': the folder relative paths in command resolve against.\n{TuneSpecReader.BaseDirKey}: '{folder}'\n");
    }
}
