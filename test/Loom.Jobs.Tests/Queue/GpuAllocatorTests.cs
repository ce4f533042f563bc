using Loom.Jobs.Queue;

namespace Loom.Jobs.Tests.Queue;

public sealed class GpuAllocatorTests
{
    [Fact]
    public void Picks_a_contiguous_run_when_one_exists()
    {
        Assert.Equal([3, 4], GpuAllocator.Pick([0, 3, 4, 6], 2)!);
    }

    [Fact]
    public void Prefers_the_smallest_run_that_fits_keeping_long_runs_whole()
    {
        Assert.Equal([5, 6], GpuAllocator.Pick([0, 1, 2, 3, 5, 6], 2)!);
    }

    [Fact]
    public void Falls_back_to_the_lowest_distinct_ids()
    {
        Assert.Equal([0, 2, 4], GpuAllocator.Pick([6, 4, 2, 0], 3)!);
    }

    [Fact]
    public void Returns_null_when_too_few_are_free_and_nothing_for_zero()
    {
        Assert.Null(GpuAllocator.Pick([0, 1], 3));
        Assert.Empty(GpuAllocator.Pick([0, 1], 0)!);
    }
}
