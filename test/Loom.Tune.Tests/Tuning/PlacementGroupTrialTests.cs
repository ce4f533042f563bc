namespace Loom.Tune.Tests.Tuning;

using Loom.Tune.Search;

public sealed class PlacementGroupTrialTests
{
    [Fact]
    public async Task A_trial_with_bundles_starts_its_workers_in_its_own_placement_group()
    {
        await using var f = await TunerFixture.StartAsync(cpus: 4);
        var running = 0;
        var peak = 0;
        var trainable = Trainable.Function(
            async ctx =>
            {
                var now = Interlocked.Increment(ref running);
                int seen;
                while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen)
                {
                }

                var loom = LoomContext.Current.Cluster;
                var worker = loom.Task(static (double x) => x * 2).WithCpus(1).WithPlacementGroup(ctx.PlacementGroup!, bundleIndex: 1).Remote(ctx.Config.Get<double>("x"));
                var doubled = await worker;
                Interlocked.Decrement(ref running);
                await ctx.ReportAsync(("loss", doubled));
            },
            new TrialResources(Cpus: 1) { Bundles = [new Bundle { Cpus = 1 }, new Bundle { Cpus = 1 }] });
        var tuner = new Tuner(f.Loom, trainable, new SearchSpace { ["x"] = Tune.GridSearch(1.0, 2.0, 3.0, 4.0) }, new TuneConfig { Metric = "loss" }, f.Run());

        var grid = await tuner.FitAsync();

        Assert.All(grid.Trials, t => Assert.Equal(TrialStatus.Terminated, t.Status));
        Assert.Equal([2.0, 4.0, 6.0, 8.0], grid.Trials.Select(t => t.LastResult!.Metric("loss")).Order());
        Assert.InRange(peak, 1, 2);
    }
}
