using Loom.Jobs.Queue;

namespace Loom.Tests.Cli.Jobs;

/// <summary>Bad input never half-submits: each mistake gets a clear error and the queue stays as it was.</summary>
[Trait("Category", "Integration")]
public sealed class BadInputTests(HeadFixture head) : IClassFixture<HeadFixture>
{
    [Fact]
    public async Task An_unknown_component_is_refused_with_a_suggestion() =>
        await Refused(["run", "utils.shh", "--", "true"], "did you mean \"utils.sh\"");

    [Fact]
    public async Task An_unknown_flag_is_refused_with_the_component_usage() =>
        await Refused(["run", "utils.sh", "--gpus", "2", "--", "true"], "unknown flag");

    [Fact]
    public async Task A_malformed_yaml_file_is_refused_with_its_line_and_column()
    {
        await File.WriteAllTextAsync(Path.Combine(head.Work, "broken.yaml"), "name: broken\nroles:\n  - name: a\n    entrypoint: [unclosed\n");

        await Refused(["run", "broken.yaml"], "broken.yaml:");
    }

    [Fact]
    public async Task More_gpus_than_the_head_has_is_refused_showing_the_totals() =>
        await Refused(["run", "utils.sh", "--gpu", "5", "--", "true"], "needs 5 GPU(s) in all, but this head has 4", expectedExit: 2);

    [Fact]
    public async Task A_missing_script_is_refused() =>
        await Refused(["run", "utils.python", "--script", "no_such_train.py"], "The script 'no_such_train.py' does not exist");

    [Fact]
    public async Task An_unknown_run_option_is_refused() =>
        await Refused(["run", "-cfg", "usr=alice", "utils.echo"], "did you mean \"user\"");

    [Fact]
    public async Task A_dependency_on_an_unknown_job_is_refused() =>
        await Refused(["run", "--after", "999999", "utils.echo"], "depends on job 999999, which does not exist", expectedExit: 2);

    [Fact]
    public async Task A_malformed_array_is_refused() =>
        await Refused(["run", "--array", "5-1", "utils.echo"], "Array", expectedExit: 2);

    [Fact]
    public async Task An_unknown_scheduler_is_refused() =>
        await Refused(["run", "-s", "kubernetes", "utils.echo"], "Unknown scheduler 'kubernetes'");

    private async Task Refused(string[] arguments, string message, int expectedExit = 2)
    {
        var before = (await head.Client.ListAsync()).Count;

        var (code, stdout, stderr) = await head.Loom(arguments);

        Assert.True(code == expectedExit, $"exit {code}: {stdout}{stderr}");
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("local://", stdout, StringComparison.Ordinal);
        Assert.Equal(before, (await head.Client.ListAsync()).Count);
        Assert.Empty(await head.Client.ListAsync(JobState.Queued));
    }
}
