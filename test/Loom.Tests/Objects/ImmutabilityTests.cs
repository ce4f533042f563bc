using Loom.Tests.Support;

namespace Loom.Tests.Objects;

public sealed class ImmutabilityTests
{
    private static int[] MakeAndMutateAfterReturn()
    {
        var array = new[] { 1, 2, 3 };
        Returned = array;
        return array;
    }

    private static int[]? Returned { get; set; }

    [Fact]
    public async Task Mutating_an_array_after_Put_is_not_seen_by_getters()
    {
        await using var loom = await TestCluster.StartAsync();
        var array = new[] { 1, 2, 3 };
        var reference = loom.Put(array);

        array[0] = 100;

        Assert.Equal(new[] { 1, 2, 3 }, await reference.Within());
    }

    [Fact]
    public async Task Mutating_a_gotten_copy_does_not_change_the_stored_object()
    {
        await using var loom = await TestCluster.StartAsync();
        var reference = loom.Put(new List<string> { "a", "b" });

        var first = await reference.Within();
        first.Add("c");
        var second = await reference.Within();

        Assert.NotSame(first, second);
        Assert.Equal(["a", "b"], second);
    }

    [Fact]
    public async Task Mutating_an_array_after_a_task_returned_it_is_not_seen_by_getters()
    {
        await using var loom = await TestCluster.StartAsync();
        var reference = loom.Task<int[]>(MakeAndMutateAfterReturn).Remote();
        await reference.Within();

        Returned![1] = -1;

        Assert.Equal(new[] { 1, 2, 3 }, await reference.Within());
    }

    [Fact]
    public async Task A_task_mutating_its_argument_does_not_change_the_callers_value_or_the_stored_object()
    {
        await using var loom = await TestCluster.StartAsync();
        var original = new[] { 5, 6, 7 };
        var stored = loom.Put(original);
        var mutated = loom.Task((int[] a) =>
        {
            a[0] = 0;
            return a.Sum();
        }).Remote(stored);

        Assert.Equal(13, await mutated.Within());
        Assert.Equal(new[] { 5, 6, 7 }, await stored.Within());
        Assert.Equal([5, 6, 7], original);
    }
}
