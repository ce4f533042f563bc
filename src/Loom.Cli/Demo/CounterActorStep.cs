using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Loom.Cli.Demo;

/// <summary>A named counter actor receives calls from the driver and from tasks that look it up by name.</summary>
internal sealed class CounterActorStep : IDemoStep
{
    private const string ActorName = "demo-counter";
    private const long Start = 1_000;
    private const int DriverCalls = 60;
    private const int Workers = 4;
    private const int CallsPerWorker = 25;

    public string Title => "Actor: a named counter";

    public async Task<DemoOutcome> RunAsync(LoomCluster loom, ProgressTask progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        progress.MaxValue = DriverCalls + (Workers * CallsPerWorker);
        var counter = loom.Actor(() => new Counter(Start)).WithName(ActorName).Remote();

        var driverCalls = new List<ObjectRef<long>>(DriverCalls);
        for (var i = 1; i <= DriverCalls; i++)
        {
            var by = i;
            driverCalls.Add(counter.Call(c => c.Increment(by)));
        }

        var worker = loom.Task(static (int calls) => IncrementFromTaskAsync(calls)).WithCpus(0.5).WithName("counter-client");
        var workerRefs = Enumerable.Range(0, Workers).Select(_ => worker.Remote(CallsPerWorker)).ToList();

        foreach (var call in driverCalls)
        {
            await call.GetAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            progress.Increment(1);
        }

        foreach (var workerRef in workerRefs)
        {
            await workerRef.GetAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            progress.Increment(CallsPerWorker);
        }

        var state = await counter.Call(c => c.Snapshot()).GetAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        await counter.KillAsync().ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        const int expectedCalls = DriverCalls + (Workers * CallsPerWorker);
        const long expectedValue = Start + ((long)DriverCalls * (DriverCalls + 1) / 2) + (Workers * CallsPerWorker);

        var table = new Table().Title(Title).AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Actor", $"{ActorName} (Counter, starts at {Start.ToString(CultureInfo.InvariantCulture)})");
        table.AddRow("Calls from the driver", $"{DriverCalls} (Increment(1..{DriverCalls}))");
        table.AddRow("Calls from tasks", $"{Workers} tasks x {CallsPerWorker} (Increment(1))");
        table.AddRow("Final value", state.Value.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Calls handled", state.Calls.ToString(CultureInfo.InvariantCulture));

        DemoCheck[] checks =
        [
            new("Actor saw every call", state.Calls == expectedCalls, $"{state.Calls} calls (expected {expectedCalls})"),
            new("Actor state is right", state.Value == expectedValue, $"{state.Value:N0} (expected {expectedValue:N0})"),
        ];
        return new DemoOutcome(Title, table, checks, elapsed);
    }

    private static async Task<int> IncrementFromTaskAsync(int calls)
    {
        var counter = LoomContext.Current.Cluster.GetActor<Counter>(ActorName);
        for (var i = 0; i < calls; i++)
        {
            await counter.Call(c => c.Increment(1));
        }

        return calls;
    }
}
