using System.CommandLine;
using Loom.Cli.Microbenchmark;
using Loom.Cli.Microbenchmark.Scale;

namespace Loom.Cli.Commands;

/// <summary><c>loom microbenchmark</c>: Ray's microbenchmark workloads on an embedded cluster.</summary>
internal static class MicrobenchmarkCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object per figure, one a line, and nothing else.",
        };
        var filter = new Option<string?>("--filter")
        {
            Description = "Run only the workloads whose names contain this text.",
        };
        var duration = new Option<double>("--duration")
        {
            Description = "Seconds per measured round (the warm-up lasts at most 1 s).",
            DefaultValueFactory = _ => 2.0,
        };
        duration.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError("--duration must be more than 0.");
            }
        });
        var scale = new Option<bool>("--scale")
        {
            Description = "Run the scale scenarios instead (1,000,000 queued tasks, 10,000 ref arguments, 10,000 objects in one get, 10,000 actors), with peak memory.",
        };
        var command = new Command("microbenchmark", "Measure task, object and actor throughput like 'ray microbenchmark'.")
        {
            json,
            filter,
            duration,
            scale,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = new MicrobenchmarkSettings(
                parseResult.GetValue(json),
                parseResult.GetValue(filter),
                TimeSpan.FromSeconds(parseResult.GetValue(duration)));
            return parseResult.GetValue(scale)
                ? new ScaleRunner(settings).RunAsync(cancellationToken)
                : new MicrobenchmarkRunner(settings).RunAsync(cancellationToken);
        });
        return command;
    }
}
