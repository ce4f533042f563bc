using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Loom.Cli.Demo;

/// <summary>Fans out many small tasks, follows them with <c>WaitAsync</c>, and aggregates their results.</summary>
internal sealed class FanOutStep : IDemoStep
{
    private const int TaskCount = 200;

    public string Title => $"Fan-out of {TaskCount} tasks";

    public async Task<DemoOutcome> RunAsync(LoomCluster loom, ProgressTask progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        progress.MaxValue = TaskCount;
        var square = loom.Task(static (int x) => (long)x * x).WithName("square");
        var refs = Enumerable.Range(1, TaskCount).Select(i => square.Remote(i)).ToList();

        IReadOnlyList<ObjectRef<long>> pending = refs;
        while (pending.Count > 0)
        {
            var wait = await loom.WaitAsync(pending, Math.Min(20, pending.Count), cancellationToken: cancellationToken).ConfigureAwait(false);
            progress.Increment(wait.Ready.Count);
            pending = wait.Pending;
        }

        var squares = await loom.GetAsync(refs, cancellationToken: cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var sum = squares.Sum();
        const long expected = (long)TaskCount * (TaskCount + 1) * ((2 * TaskCount) + 1) / 6;

        var table = new Table().Title(Title).AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Tasks submitted", TaskCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("First results", string.Join(", ", squares.Take(5).Select(s => s.ToString(CultureInfo.InvariantCulture))) + ", ...");
        table.AddRow("Sum of squares 1..200", sum.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Tasks per second", (TaskCount / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture));

        DemoCheck[] checks =
        [
            new("Fan-out sum is right", sum == expected, $"{sum:N0} (expected {expected:N0})"),
        ];
        return new DemoOutcome(Title, table, checks, elapsed);
    }
}
