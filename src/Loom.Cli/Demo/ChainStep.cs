using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Loom.Cli.Demo;

/// <summary>Chains tasks: each step receives the previous step's <see cref="ObjectRef{T}"/>, with nothing fetched in between.</summary>
internal sealed class ChainStep : IDemoStep
{
    private const int Steps = 25;

    public string Title => $"Chain of {Steps} tasks passing ObjectRefs";

    public async Task<DemoOutcome> RunAsync(LoomCluster loom, ProgressTask progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        progress.MaxValue = Steps;
        var add = loom.Task(static (long total, int step) => total + step).WithName("add");

        using var seed = loom.Put(0L);
        var links = new List<ObjectRef<long>>(Steps);
        var previous = seed;
        for (var step = 1; step <= Steps; step++)
        {
            previous = add.Remote(previous, step);
            links.Add(previous);
        }

        var values = new long[Steps];
        for (var i = 0; i < Steps; i++)
        {
            values[i] = await links[i].GetAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            progress.Increment(1);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        const long expected = (long)Steps * (Steps + 1) / 2;
        var final = values[^1];

        var table = new Table().Title(Title).AddColumn("Step").AddColumn(new TableColumn("Input").RightAligned()).AddColumn(new TableColumn("Output").RightAligned());
        foreach (var i in new[] { 0, 1, 2, Steps - 2, Steps - 1 })
        {
            var input = i == 0 ? 0 : values[i - 1];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                $"ref({input.ToString(CultureInfo.InvariantCulture)}) + {(i + 1).ToString(CultureInfo.InvariantCulture)}",
                values[i].ToString(CultureInfo.InvariantCulture));
            if (i == 2)
            {
                table.AddRow("...", "...", "...");
            }
        }

        DemoCheck[] checks =
        [
            new("Chain result is right", final == expected, $"{final} (expected {expected})"),
        ];
        return new DemoOutcome(Title, table, checks, elapsed);
    }
}
