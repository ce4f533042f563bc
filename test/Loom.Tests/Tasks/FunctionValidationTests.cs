using Loom.Tests.Support;

namespace Loom.Tests.Tasks;

public sealed class FunctionValidationTests
{
    private readonly int _offset = 3;

    [Fact]
    public async Task Capturing_lambda_is_rejected_naming_the_captured_variable()
    {
        await using var loom = await TestCluster.StartAsync();
        var multiplier = Random.Shared.Next(2, 5);

        var error = Assert.Throws<ArgumentException>(() => loom.Task((int x) => x * multiplier));

        Assert.Contains("'multiplier'", error.Message, StringComparison.Ordinal);
        Assert.Equal("function", error.ParamName);
    }

    [Fact]
    public async Task Lambda_capturing_two_variables_names_both()
    {
        await using var loom = await TestCluster.StartAsync();
        var first = Random.Shared.Next(1, 3);
        var second = Random.Shared.Next(1, 3);

        var error = Assert.Throws<ArgumentException>(() => loom.Task(() => first + second));

        Assert.Contains("'first'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'second'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lambda_using_this_is_rejected_as_capturing_this()
    {
        await using var loom = await TestCluster.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => loom.Task((int x) => x + _offset));

        Assert.Contains("captures 'this'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instance_method_is_rejected_naming_the_method()
    {
        await using var loom = await TestCluster.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => loom.Task<int, int>(AddOffset));

        Assert.Contains("instance method", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddOffset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_capturing_lambda_and_static_method_are_accepted_and_run()
    {
        await using var loom = await TestCluster.StartAsync();

        var fromLambda = loom.Task(static (int x) => x + 1).Remote(1);
        var fromMethod = loom.Task<int, int>(Twice).Remote(21);

        Assert.Equal(2, await fromLambda.Within());
        Assert.Equal(42, await fromMethod.Within());
    }

    private static int Twice(int x) => x * 2;

    private int AddOffset(int x) => x + _offset;
}
