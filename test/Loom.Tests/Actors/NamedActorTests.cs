using Loom.Tests.Support;

namespace Loom.Tests.Actors;

public sealed class NamedActorTests
{
    [Fact]
    public async Task A_named_actor_is_found_by_name_and_shares_state()
    {
        await using var loom = await TestCluster.StartAsync();
        var created = loom.Actor(() => new Counter(10)).WithName("counter", "ns").Remote();
        await created.Call(c => c.Increment(5)).Within();

        var found = loom.GetActor<Counter>("counter", "ns");

        Assert.Equal(created.Id, found.Id);
        Assert.Equal("counter", found.Name);
        Assert.Equal(15, await found.Call(c => c.Get()).Within());
    }

    [Fact]
    public async Task Get_if_exists_returns_the_existing_actor_instead_of_creating_one()
    {
        await using var loom = await TestCluster.StartAsync();
        var first = loom.Actor(() => new Counter(1)).WithName("shared").GetIfExists().Remote();
        var second = loom.Actor(() => new Counter(1000)).WithName("shared").GetIfExists().Remote();

        Assert.Equal(first.Id, second.Id);
        await second.Call(c => c.Increment(1)).Within();
        Assert.Equal(2, await first.Call(c => c.Get()).Within());
    }

    [Fact]
    public async Task Creating_a_second_actor_with_a_taken_name_is_rejected()
    {
        await using var loom = await TestCluster.StartAsync();
        loom.Actor(() => new Counter(1)).WithName("dup").Remote();

        var error = Assert.Throws<ArgumentException>(() => loom.Actor(() => new Counter(2)).WithName("dup").Remote());

        Assert.Contains("'dup'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_name_in_different_namespaces_gives_different_actors()
    {
        await using var loom = await TestCluster.StartAsync();
        var a = loom.Actor(() => new Counter(1)).WithName("same", "a").Remote();
        var b = loom.Actor(() => new Counter(2)).WithName("same", "b").Remote();

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(1, await loom.GetActor<Counter>("same", "a").Call(c => c.Get()).Within());
        Assert.Equal(2, await loom.GetActor<Counter>("same", "b").Call(c => c.Get()).Within());
    }

    [Fact]
    public async Task Getting_a_missing_actor_throws_KeyNotFoundException()
    {
        await using var loom = await TestCluster.StartAsync();

        var error = Assert.Throws<KeyNotFoundException>(() => loom.GetActor<Counter>("nobody"));

        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killing_a_named_actor_frees_its_name()
    {
        await using var loom = await TestCluster.StartAsync();
        var old = loom.Actor(() => new Counter(1)).WithName("reused").Remote();
        await old.Call(c => c.Get()).Within();

        await old.KillAsync();

        Assert.Throws<KeyNotFoundException>(() => loom.GetActor<Counter>("reused"));
        var fresh = loom.Actor(() => new Counter(50)).WithName("reused").Remote();
        Assert.NotEqual(old.Id, fresh.Id);
        Assert.Equal(50, await loom.GetActor<Counter>("reused").Call(c => c.Get()).Within());
    }
}
