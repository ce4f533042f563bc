using Loom.Tests.Support;

namespace Loom.Tests.Actors;

public sealed class ActorConcurrencyTests
{
    [Fact]
    public async Task Max_concurrency_above_one_runs_that_many_calls_at_once()
    {
        await using var loom = await TestCluster.StartAsync();
        var meeting = loom.Actor(() => new Meeting(3)).WithMaxConcurrency(3).Remote();

        // Each call waits until three calls are inside together: only true concurrency completes them.
        var refs = Enumerable.Range(0, 3).Select(_ => meeting.Call(m => m.JoinAsync())).ToList();
        var results = await loom.GetAsync(refs, TestCluster.Patience);

        Assert.All(results, met => Assert.True(met));
        Assert.Equal(3, await meeting.Call(m => m.Peak()).Within());
    }

    [Fact]
    public async Task Max_concurrency_caps_the_calls_running_at_once()
    {
        await using var loom = await TestCluster.StartAsync();
        var meeting = loom.Actor(() => new Meeting(2)).WithMaxConcurrency(2).Remote();

        var refs = Enumerable.Range(0, 40).Select(_ => meeting.Call(m => m.JoinAsync())).ToList();
        await loom.GetAsync(refs, TestCluster.Patience);

        Assert.Equal(2, await meeting.Call(m => m.Peak()).Within());
    }

    [Fact]
    public async Task Async_actor_methods_return_their_awaited_results()
    {
        await using var loom = await TestCluster.StartAsync();
        var meeting = loom.Actor(() => new Meeting(1)).Remote();

        var doubled = meeting.Call(m => m.DoubleLaterAsync(21));
        var tripled = meeting.Call(m => m.TripleLaterValueAsync(5));
        var done = meeting.Call(m => m.NothingAsync());

        Assert.Equal(42, await doubled.Within());
        Assert.Equal(15, await tripled.Within());
        Assert.Equal(default, await done.Within());
        Assert.Equal(1, await meeting.Call(m => m.NothingCount()).Within());
    }

    [Fact]
    public void Max_concurrency_below_one_is_rejected()
    {
        using var loom = LoomCluster.StartLocal(new LocalClusterOptions { NumCpus = 1, NumGpus = 0 });

        Assert.Throws<ArgumentOutOfRangeException>(() => loom.Actor(() => new Meeting(1)).WithMaxConcurrency(0));
    }

    public sealed class Meeting
    {
        private readonly Rendezvous _rendezvous;
        private int _nothing;

        public Meeting(int size)
        {
            _rendezvous = new Rendezvous(size);
        }

        public int Peak() => _rendezvous.Peak;

        public int NothingCount() => Volatile.Read(ref _nothing);

        public async Task<bool> JoinAsync()
        {
            try
            {
                await _rendezvous.EnterAsync();
                await Task.Yield();
                return _rendezvous.Met;
            }
            finally
            {
                _rendezvous.Leave();
            }
        }

        public async Task<int> DoubleLaterAsync(int x)
        {
            await Task.Yield();
            return x * 2;
        }

        public async ValueTask<int> TripleLaterValueAsync(int x)
        {
            await Task.Yield();
            return x * 3;
        }

        public async Task NothingAsync()
        {
            await Task.Yield();
            Interlocked.Increment(ref _nothing);
        }
    }
}
