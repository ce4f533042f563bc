using Loom.Tests.Support;

namespace Loom.Tests.Tasks;

public sealed class TaskArityTests
{
    private static int Zero() => 7;

    private static int Six(int a, int b, int c, int d, int e, int f) => (a * 100000) + (b * 10000) + (c * 1000) + (d * 100) + (e * 10) + f;

    private static async Task<string> JoinAsync(string a, string b)
    {
        await Task.Yield();
        return a + "-" + b;
    }

    private static async ValueTask<double> HalfAsync(double x)
    {
        await Task.Yield();
        return x / 2;
    }

    [Fact]
    public async Task Functions_with_zero_to_six_parameters_get_their_arguments_in_order()
    {
        await using var loom = await TestCluster.StartAsync();
        var r0 = loom.Task<int>(Zero).Remote();
        var r1 = loom.Task((int a) => a + 1).Remote(1);
        var r2 = loom.Task((int a, int b) => (a * 10) + b).Remote(1, 2);
        var r3 = loom.Task((int a, int b, int c) => (a * 100) + (b * 10) + c).Remote(1, 2, 3);
        var r4 = loom.Task((int a, int b, int c, int d) => (a * 1000) + (b * 100) + (c * 10) + d).Remote(1, 2, 3, 4);
        var r5 = loom.Task((int a, int b, int c, int d, int e) => (a * 10000) + (b * 1000) + (c * 100) + (d * 10) + e).Remote(1, 2, 3, 4, 5);
        var r6 = loom.Task<int, int, int, int, int, int, int>(Six).Remote(1, 2, 3, 4, 5, 6);

        Assert.Equal(7, await r0.Within());
        Assert.Equal(2, await r1.Within());
        Assert.Equal(12, await r2.Within());
        Assert.Equal(123, await r3.Within());
        Assert.Equal(1234, await r4.Within());
        Assert.Equal(12345, await r5.Within());
        Assert.Equal(123456, await r6.Within());
    }

    [Fact]
    public async Task Six_parameters_accept_a_mix_of_values_and_refs()
    {
        await using var loom = await TestCluster.StartAsync();
        var two = loom.Put(2);
        var four = loom.Task(() => 4).Remote();
        var six = loom.Task<int, int, int, int, int, int, int>(Six).Remote(1, two, 3, four, 5, loom.Put(6));
        Assert.Equal(123456, await six.Within());
    }

    [Fact]
    public async Task Synchronous_Task_and_ValueTask_functions_all_produce_their_results()
    {
        await using var loom = await TestCluster.StartAsync();
        var sync = loom.Task((string s) => s.ToUpperInvariant()).Remote("abc");
        var task = loom.Task<string, string, string>(JoinAsync).Remote("x", "y");
        var valueTask = loom.Task<double, double>(HalfAsync).Remote(5.0);
        var asyncLambda = loom.Task(async Task<int> (int x) =>
        {
            await Task.Yield();
            return x * 3;
        }).Remote(14);

        Assert.Equal("ABC", await sync.Within());
        Assert.Equal("x-y", await task.Within());
        Assert.Equal(2.5, await valueTask.Within());
        Assert.Equal(42, await asyncLambda.Within());
    }

    [Fact]
    public async Task An_async_lambda_without_a_declared_return_type_is_taken_as_a_Task_function()
    {
        await using var loom = await TestCluster.StartAsync();
        var doubled = loom.Task(async (int x) =>
        {
            await Task.Yield();
            return x * 2;
        }).Remote(21);
        var constant = loom.Task(async () =>
        {
            await Task.Yield();
            return "done";
        }).Remote();

        Assert.Equal(42, await doubled.Within());
        Assert.Equal("done", await constant.Within());
    }

    [Fact]
    public async Task Records_and_collections_round_trip_as_arguments_and_results()
    {
        await using var loom = await TestCluster.StartAsync();
        var scaled = loom.Task((Point p, int k) => new Point(p.X * k, p.Y * k)).Remote(new Point(2, 3), 5);
        var sum = loom.Task((Dictionary<string, int> d) => d.Values.Sum()).Remote(new Dictionary<string, int> { ["a"] = 1, ["b"] = 41 });

        Assert.Equal(new Point(10, 15), await scaled.Within());
        Assert.Equal(42, await sum.Within());
    }

    public sealed record Point(int X, int Y);
}
