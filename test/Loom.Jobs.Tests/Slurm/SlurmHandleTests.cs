using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm;

namespace Loom.Jobs.Tests.Slurm;

public sealed class SlurmHandleTests
{
    [Theory]
    [InlineData("slurm://loom-local/42", "loom-local", 42, null)]
    [InlineData("slurm://loom-local/42_7", "loom-local", 42, 7)]
    [InlineData("42", "", 42, null)]
    [InlineData(" 42_0 ", "", 42, 0)]
    public void Handles_are_read(string text, string session, long id, int? index)
    {
        Assert.Equal(new SlurmHandle(session, id, index), SlurmHandle.Parse(text));
    }

    [Theory]
    [InlineData("local://s/app-1")]
    [InlineData("slurm://loom-local")]
    [InlineData("slurm://loom-local/x")]
    [InlineData("slurm://loom-local/42_")]
    [InlineData("app-42")]
    [InlineData("0")]
    [InlineData("")]
    public void Other_text_is_a_usage_error(string text)
    {
        var error = Assert.Throws<SchedulerException>(() => SlurmHandle.Parse(text));

        Assert.True(error.IsUsageError);
    }

    [Fact]
    public void A_handle_is_written_back_as_read()
    {
        Assert.Equal("slurm://c/42_3", new SlurmHandle("c", 42, 3).ToString());
        Assert.Equal("slurm://c/42", SlurmHandle.Parse("slurm://c/42").ToString());
        Assert.Equal("42_3", new SlurmHandle("c", 42, 3).SlurmId);
    }
}
