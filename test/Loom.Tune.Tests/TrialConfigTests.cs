using Loom.Tune;

namespace Loom.Tune.Tests;

public sealed class TrialConfigTests
{
    [Fact]
    public void Values_convert_between_number_types_and_a_missing_name_is_named()
    {
        var config = new TrialConfig([new("lr", 0.5), new("layers", 3L), new("optimizer/name", "adam")]);

        Assert.Equal(3, config.Get<int>("layers"));
        Assert.Equal(0.5, config.Get<double>("lr"));
        Assert.Equal("adam", config.Get<string>("optimizer/name"));
        var missing = Assert.Throws<KeyNotFoundException>(() => config["momentum"]);
        Assert.Contains("layers, lr, optimizer/name", missing.Message, StringComparison.Ordinal);
        Assert.Equal("layers=3, lr=0.7, optimizer/name=adam", config.With([new("lr", 0.7)]).ToString());
    }
}
