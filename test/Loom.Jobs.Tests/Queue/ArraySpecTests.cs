using Loom.Jobs.Queue;

namespace Loom.Jobs.Tests.Queue;

public sealed class ArraySpecTests
{
    [Fact]
    public void A_range_with_a_concurrency_cap()
    {
        var spec = ArraySpec.Parse("0-15%4");
        Assert.Equal(Enumerable.Range(0, 16), spec.Indexes);
        Assert.Equal(4, spec.MaxConcurrent);
    }

    [Fact]
    public void A_list_of_indexes()
    {
        var spec = ArraySpec.Parse("1,3,5");
        Assert.Equal([1, 3, 5], spec.Indexes);
        Assert.Null(spec.MaxConcurrent);
    }

    [Fact]
    public void A_range_with_a_step()
    {
        Assert.Equal([0, 2, 4, 6, 8], ArraySpec.Parse("0-9:2").Indexes);
    }

    [Fact]
    public void Mixed_elements_are_sorted_and_distinct()
    {
        var spec = ArraySpec.Parse("7,1-3,2%2");
        Assert.Equal([1, 2, 3, 7], spec.Indexes);
        Assert.Equal(2, spec.MaxConcurrent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5-2")]
    [InlineData("a")]
    [InlineData("1,,2")]
    [InlineData("0-3%0")]
    [InlineData("0-3:0")]
    [InlineData("3:2")]
    [InlineData("-1")]
    [InlineData("0-200000")]
    public void Invalid_specifications_are_rejected(string text)
    {
        Assert.Throws<FormatException>(() => ArraySpec.Parse(text));
    }
}
