using Loom.Tests.Support;

namespace Loom.Tests.Actors;

public sealed class ActorOrderingTests
{
    [Fact]
    public async Task Each_callers_calls_run_in_submission_order_and_never_overlap()
    {
        const int Callers = 4;
        const int CallsPerCaller = 250;
        await using var loom = await TestCluster.StartAsync();
        var journal = loom.Actor(() => new Journal()).Remote();
        using var start = new ManualResetEventSlim(false);

        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            start.Wait(TestCluster.Patience);
            var refs = new List<ObjectRef<int>>(CallsPerCaller);
            for (var seq = 0; seq < CallsPerCaller; seq++)
            {
                refs.Add(journal.Call(j => j.Record(caller, seq)));
            }

            return await loom.GetAsync(refs, TestCluster.Patience);
        })).ToArray();
        start.Set();
        await Task.WhenAll(callers).WaitAsync(TestCluster.Patience);

        var log = await journal.Call(j => j.Entries()).Within();
        Assert.Equal(Callers * CallsPerCaller, log.Count);
        for (var caller = 0; caller < Callers; caller++)
        {
            var mine = log.Where(e => e[0] == caller).Select(e => e[1]).ToList();
            Assert.Equal(Enumerable.Range(0, CallsPerCaller), mine);
        }

        Assert.Equal(1, await journal.Call(j => j.PeakConcurrency()).Within());
        Assert.Equal(Enumerable.Range(0, Callers * CallsPerCaller), log.Select(e => e[2]));
    }

    [Fact]
    public async Task Async_calls_with_max_concurrency_one_still_run_one_at_a_time_in_order()
    {
        await using var loom = await TestCluster.StartAsync();
        var journal = loom.Actor(() => new Journal()).Remote();

        var refs = Enumerable.Range(0, 100).Select(i => journal.Call(j => j.RecordAsync(0, i))).ToList();
        await loom.GetAsync(refs, TestCluster.Patience);

        var log = await journal.Call(j => j.Entries()).Within();
        Assert.Equal(Enumerable.Range(0, 100), log.Select(e => e[1]));
        Assert.Equal(1, await journal.Call(j => j.PeakConcurrency()).Within());
    }

    public sealed class Journal
    {
        private readonly List<int[]> _entries = [];
        private int _inside;
        private int _peak;

        public int Record(int caller, int seq)
        {
            Enter();
            try
            {
                lock (_entries)
                {
                    _entries.Add([caller, seq, _entries.Count]);
                    return _entries.Count;
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }

        public async Task<int> RecordAsync(int caller, int seq)
        {
            Enter();
            try
            {
                await Task.Yield();
                lock (_entries)
                {
                    _entries.Add([caller, seq, _entries.Count]);
                    return _entries.Count;
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }

        public List<int[]> Entries()
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }

        public int PeakConcurrency() => Volatile.Read(ref _peak);

        private void Enter()
        {
            var now = Interlocked.Increment(ref _inside);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }
        }
    }
}
