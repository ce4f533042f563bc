using Loom.Worker;

namespace Loom.Tests.Worker;

public sealed class FunctionValidatorTests
{
    private readonly int _field = 1;

    private static int Static(int x) => x;

    private int Instance(int x) => x + _field;

    [Fact]
    public void Accepts_static_methods_and_non_capturing_lambdas()
    {
        FunctionValidator.Validate(new Func<int, int>(Static));
        FunctionValidator.Validate((Func<int, int>)(x => x + 1));
        FunctionValidator.Validate((Func<int>)(static () => 2));
        Assert.Equal(2, ((Func<int>)(static () => 2))());
    }

    [Fact]
    public void Rejects_a_lambda_naming_each_captured_local()
    {
        var scale = Random.Shared.Next(1, 3);
        var shift = Random.Shared.Next(1, 3);

        var error = Assert.Throws<ArgumentException>(() => FunctionValidator.Validate((Func<int, int>)(x => (x * scale) + shift)));

        Assert.Contains("'scale'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'shift'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_lambda_capturing_this()
    {
        var error = Assert.Throws<ArgumentException>(() => FunctionValidator.Validate((Func<int, int>)(x => x + _field)));

        Assert.Contains("'this'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_instance_method_naming_its_type_and_method()
    {
        var error = Assert.Throws<ArgumentException>(() => FunctionValidator.Validate(new Func<int, int>(Instance)));

        Assert.Contains($"'{nameof(FunctionValidatorTests)}.{nameof(Instance)}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_multicast_delegates_and_null()
    {
        var multicast = (Func<int, int>)Static + Static;

        var error = Assert.Throws<ArgumentException>(() => FunctionValidator.Validate(multicast));
        Assert.Contains("multicast", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => FunctionValidator.Validate(null!));
    }

    [Fact]
    public void Gives_the_same_verdict_every_time_for_the_same_method()
    {
        for (var i = 0; i < 3; i++)
        {
            var captured = i;
            Assert.Throws<ArgumentException>(() => FunctionValidator.Validate((Func<int>)(() => captured)));
        }
    }
}
