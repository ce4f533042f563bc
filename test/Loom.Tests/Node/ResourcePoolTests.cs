using Loom.Node;

namespace Loom.Tests.Node;

public sealed class ResourcePoolTests
{
    private static ResourcePool Pool(double cpus = 4, int gpus = 4, long memory = 1000, Dictionary<string, double>? custom = null) =>
        new(ResourceShape.ToUnits(cpus), gpus, memory, custom ?? []);

    private static ResourceShape Shape(double cpus = 0, double gpus = 0, long memory = 0, Dictionary<string, double>? custom = null) =>
        ResourceShape.From(cpus, gpus, memory, custom, "test");

    private static ResourceAllocation Acquire(ResourcePool pool, ResourceShape shape)
    {
        Assert.True(pool.TryAcquire(shape, out var allocation), $"expected {shape} to fit");
        return allocation;
    }

    [Fact]
    public void Whole_GPU_requests_get_the_lowest_free_distinct_ids()
    {
        var pool = Pool();

        var one = Acquire(pool, Shape(gpus: 1));
        var two = Acquire(pool, Shape(gpus: 2));
        var three = Acquire(pool, Shape(gpus: 1));

        Assert.Equal(new[] { 0 }, one.GpuIds);
        Assert.Equal(new[] { 1, 2 }, two.GpuIds);
        Assert.Equal(new[] { 3 }, three.GpuIds);
        Assert.False(pool.TryAcquire(Shape(gpus: 1), out _));
        Assert.Equal(0, pool.FreeGpu);
    }

    [Fact]
    public void Released_GPU_ids_are_reused()
    {
        var pool = Pool();
        var first = Acquire(pool, Shape(gpus: 2));
        Acquire(pool, Shape(gpus: 2));

        pool.Release(first);
        var again = Acquire(pool, Shape(gpus: 2));

        Assert.Equal(new[] { 0, 1 }, again.GpuIds);
    }

    [Fact]
    public void Fractional_requests_best_fit_onto_a_partly_used_GPU()
    {
        var pool = Pool(gpus: 2);

        var a = Acquire(pool, Shape(gpus: 0.5));
        var b = Acquire(pool, Shape(gpus: 0.25));
        var c = Acquire(pool, Shape(gpus: 0.25));
        var d = Acquire(pool, Shape(gpus: 0.5));

        Assert.Equal(new[] { 0 }, a.GpuIds);
        Assert.Equal(new[] { 0 }, b.GpuIds);
        Assert.Equal(new[] { 0 }, c.GpuIds);
        Assert.Equal(new[] { 1 }, d.GpuIds);
        Assert.Equal(ResourceShape.ToUnits(0.5), pool.FreeGpu);
    }

    [Fact]
    public void A_whole_GPU_is_not_taken_from_a_partly_used_one()
    {
        var pool = Pool(gpus: 2);
        Acquire(pool, Shape(gpus: 0.1));

        var whole = Acquire(pool, Shape(gpus: 1));

        Assert.Equal(new[] { 1 }, whole.GpuIds);
        Assert.False(pool.TryAcquire(Shape(gpus: 1), out _));
        Assert.True(pool.TryAcquire(Shape(gpus: 0.9), out var rest));
        Assert.Equal(new[] { 0 }, rest.GpuIds);
    }

    [Fact]
    public void Releasing_a_fractional_allocation_frees_exactly_its_share()
    {
        var pool = Pool(gpus: 1);
        var a = Acquire(pool, Shape(gpus: 0.5));
        Acquire(pool, Shape(gpus: 0.5));
        Assert.False(pool.TryAcquire(Shape(gpus: 0.25), out _));

        pool.Release(a);

        Assert.Equal(ResourceShape.ToUnits(0.5), pool.FreeGpu);
        Assert.True(pool.TryAcquire(Shape(gpus: 0.5), out _));
        Assert.False(pool.TryAcquire(Shape(gpus: 0.0001), out _));
    }

    [Fact]
    public void CPU_memory_and_custom_resources_are_taken_and_returned()
    {
        var pool = Pool(cpus: 2, memory: 100, custom: new() { ["disk"] = 1 });
        var shape = Shape(cpus: 1.5, memory: 60, custom: new() { ["disk"] = 0.5 });

        var first = Acquire(pool, shape);
        Assert.False(pool.TryAcquire(shape, out _));
        Assert.Equal(ResourceShape.ToUnits(0.5), pool.FreeCpu);
        Assert.Equal(40, pool.FreeMemory);
        Assert.Equal(ResourceShape.ToUnits(0.5), pool.CustomFree["disk"]);

        pool.Release(first);

        Assert.Equal(ResourceShape.ToUnits(2), pool.FreeCpu);
        Assert.Equal(100, pool.FreeMemory);
        Assert.Equal(ResourceShape.ToUnits(1), pool.CustomFree["disk"]);
    }

    [Fact]
    public void A_failed_acquire_takes_nothing()
    {
        var pool = Pool(cpus: 4, gpus: 1);
        Acquire(pool, Shape(gpus: 1));

        Assert.False(pool.TryAcquire(Shape(cpus: 2, gpus: 1, memory: 10), out var none));

        Assert.Same(ResourceAllocation.None, none);
        Assert.Equal(ResourceShape.ToUnits(4), pool.FreeCpu);
        Assert.Equal(1000, pool.FreeMemory);
    }

    [Fact]
    public void Lent_CPUs_are_free_for_others_and_not_returned_twice()
    {
        var pool = Pool(cpus: 1, gpus: 0);
        var parent = Acquire(pool, Shape(cpus: 1));

        pool.LendCpu(parent);
        var child = Acquire(pool, Shape(cpus: 1));
        Assert.False(pool.TryReclaimCpu(parent));
        pool.Release(child);
        Assert.True(pool.TryReclaimCpu(parent));
        pool.Release(parent);

        Assert.Equal(ResourceShape.ToUnits(1), pool.FreeCpu);

        var lentAtEnd = Acquire(pool, Shape(cpus: 1));
        pool.LendCpu(lentAtEnd);
        pool.Release(lentAtEnd);
        Assert.Equal(ResourceShape.ToUnits(1), pool.FreeCpu);
    }

    [Fact]
    public void Infeasibility_names_every_resource_that_exceeds_the_totals()
    {
        var pool = Pool(cpus: 2, gpus: 1, memory: 100, custom: new() { ["disk"] = 1 });

        Assert.Null(pool.Infeasibility(Shape(cpus: 2, gpus: 1, memory: 100, custom: new() { ["disk"] = 1 })));
        var problems = pool.Infeasibility(Shape(cpus: 3, gpus: 2, memory: 101, custom: new() { ["disk"] = 2, ["tpu"] = 1 }));

        Assert.Equal("CPU 3 > 2; GPU 2 > 1; memory 101 B > 100 B; disk 2 > 1; tpu 1 > 0", problems);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(2.25)]
    public void Shapes_above_one_GPU_must_be_whole(double gpus)
    {
        Assert.Throws<ArgumentException>(() => Shape(gpus: gpus));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Shapes_reject_negative_or_non_finite_amounts(double amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shape(cpus: amount));
    }
}
