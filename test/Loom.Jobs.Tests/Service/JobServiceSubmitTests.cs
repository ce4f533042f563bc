using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Service;
using Loom.Jobs.Specs;
using static Loom.Jobs.Tests.Service.ServiceFixture;

namespace Loom.Jobs.Tests.Service;

public sealed class JobServiceSubmitTests
{
    [Fact]
    public async Task More_gpus_than_the_head_has_is_rejected_with_its_totals()
    {
        await using var f = new ServiceFixture();

        var e = Reject(f, new JobSubmission { Apps = [ShApp("big", "true", replicas: 3, gpus: 2)] });

        Assert.Contains("needs 6 GPU(s) in all, but this head has 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("GPUs 0,1,2,3", e.Message, StringComparison.Ordinal);
        Assert.Contains("8 CPUs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_cpus_than_the_head_has_is_rejected()
    {
        await using var f = new ServiceFixture();

        var e = Reject(f, new JobSubmission { Apps = [ShApp("wide", "true", cpus: 9)] });

        Assert.Contains("needs 9 CPU(s) in all, but this head has 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dependency_is_rejected()
    {
        await using var f = new ServiceFixture();

        var e = Reject(f, new JobSubmission
        {
            Apps = [ShApp("child", "true")],
            Dependencies = [new JobDependency(999, DependencyKind.AfterOk)],
        });

        Assert.Contains("job 999, which does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3-1")]
    [InlineData("0-x")]
    [InlineData("0-3%0")]
    [InlineData("")]
    public async Task Malformed_array_text_is_rejected(string array)
    {
        await using var f = new ServiceFixture();

        var e = Reject(f, new JobSubmission { Apps = [ShApp("arr", "true")], Array = array });

        Assert.Contains("START-END[:STEP][%MAX]", e.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(e.InnerException);
    }

    [Fact]
    public async Task A_missing_local_input_is_rejected()
    {
        await using var f = new ServiceFixture();
        var app = ShApp("needs-data", "true") with { Inputs = [new InputSpec("missing.txt")] };

        var e = Reject(f, new JobSubmission { Apps = [app], BaseDirectory = f.Control });

        Assert.Contains("Input 0 of the app 'needs-data' (missing.txt) does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains(f.ControlFile("missing.txt"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_without_roles_is_rejected()
    {
        await using var f = new ServiceFixture();

        var e = Reject(f, new JobSubmission { Apps = [new AppDef { Name = "empty" }] });

        Assert.Contains("The app 'empty' is not valid", e.Message, StringComparison.Ordinal);
        Assert.Contains("has no roles", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_without_apps_is_rejected()
    {
        await using var f = new ServiceFixture();

        var e = Reject(f, new JobSubmission { Apps = [] });

        Assert.Contains("no app", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_bad_app_of_a_batch_rejects_the_whole_batch()
    {
        await using var f = new ServiceFixture();

        var e = Reject(f, new JobSubmission
        {
            Apps = [ShApp("good", "true"), ShApp("bad name", "true"), ShApp("also-good", "true")],
        });

        Assert.Contains("bad name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_cannot_also_be_an_array()
    {
        await using var f = new ServiceFixture();

        var e = Reject(f, new JobSubmission { Apps = [ShApp("a", "true"), ShApp("b", "true")], Array = "0-1" });

        Assert.Contains("cannot also be an array", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_service_rejects_submissions()
    {
        await using var f = new ServiceFixture();
        await f.StopAsync();

        var e = Assert.Throws<JobRejectedException>(() => f.Service.Submit(new JobSubmission { Apps = [ShApp("late", "true")] }));

        Assert.Contains("stopping", e.Message, StringComparison.Ordinal);
        f.StartAgain();
        Assert.Empty(f.Service.List());
    }

    private static JobRejectedException Reject(ServiceFixture f, JobSubmission submission)
    {
        var e = Assert.Throws<JobRejectedException>(() => f.Service.Submit(submission));
        Assert.Empty(f.Service.List());
        Assert.False(Directory.Exists(Path.Combine(f.Home, "jobs")), "a rejected submission left a job folder");
        return e;
    }
}
