using Loom.Node;

namespace Loom.Tests.Node;

public sealed class ResourcePoolGpuPairsTests
{
    private static ResourceShape Shape(double gpus) => ResourceShape.From(0, gpus, 0, null, "test");

    [Fact]
    public void A_pool_over_explicit_GPUs_hands_out_their_ids()
    {
        var pool = new ResourcePool(0, [(2, ResourceShape.UnitsPerWhole), (5, ResourceShape.UnitsPerWhole)], 0, new Dictionary<string, long>());

        Assert.True(pool.TryAcquire(Shape(1), out var first));
        Assert.True(pool.TryAcquire(Shape(1), out var second));
        Assert.False(pool.TryAcquire(Shape(1), out _));
        Assert.Equal([2], first.GpuIds);
        Assert.Equal([5], second.GpuIds);

        pool.Release(second);
        Assert.True(pool.TryAcquire(Shape(0.5), out var half));
        Assert.Equal([5], half.GpuIds);
    }

    [Fact]
    public void A_GPU_of_partial_capacity_holds_only_fractions_up_to_it()
    {
        var pool = ResourcePool.Over(Shape(0.5), [3]);

        Assert.NotNull(pool.Infeasibility(Shape(1)));
        Assert.NotNull(pool.Infeasibility(Shape(0.75)));
        Assert.Null(pool.Infeasibility(Shape(0.5)));
        Assert.True(pool.TryAcquire(Shape(0.25), out var quarter));
        Assert.True(pool.TryAcquire(Shape(0.25), out _));
        Assert.False(pool.TryAcquire(Shape(0.25), out _));
        Assert.Equal([3], quarter.GpuIds);
    }
}
