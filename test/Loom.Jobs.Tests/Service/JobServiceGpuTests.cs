using System.Globalization;
using Loom.Jobs.Queue;
using static Loom.Jobs.Tests.Service.ServiceFixture;

namespace Loom.Jobs.Tests.Service;

public sealed class JobServiceGpuTests
{
    [Fact]
    public async Task Jobs_running_at_once_get_distinct_gpus_and_a_job_waits_queued_while_gpus_are_taken()
    {
        await using var f = new ServiceFixture();
        string Holder(string name) => $"echo \"$CUDA_VISIBLE_DEVICES\" > gpus.txt; {f.WaitFor(name)}";

        var a = f.Submit(ShApp("a", Holder("a-go"), gpus: 2));
        var b = f.Submit(ShApp("b", Holder("b-go"), gpus: 1));
        var c = f.Submit(ShApp("c", Holder("c-go"), gpus: 1));
        var first = new Dictionary<long, int[]>
        {
            [a] = await Gpus(f, a),
            [b] = await Gpus(f, b),
            [c] = await Gpus(f, c),
        };

        Assert.Equal(2, first[a].Length);
        Assert.Single(first[b]);
        Assert.Single(first[c]);
        Assert.Equal([0, 1, 2, 3], first.Values.SelectMany(g => g).Order());
        Assert.Empty(f.Service.Info().FreeGpuIds);

        // d needs two GPUs while none is free; a job without GPUs submitted after it starts, so the scheduler has
        // looked at d and left it queued.
        var d = f.Submit(ShApp("d", Holder("d-go"), gpus: 2));
        var probe = f.Submit(ShApp("probe", "true"));
        await f.WaitForState(probe, JobState.Succeeded);
        Assert.Equal(JobState.Queued, f.Service.Get(d).State);
        Assert.Empty(f.Service.Get(d).GpuIds);

        f.Release("a-go");
        await f.WaitForState(a, JobState.Succeeded);
        var dGpus = await Gpus(f, d);

        Assert.Equal(first[a].Order(), dGpus.Order());
        Assert.Empty(dGpus.Intersect(first[b].Concat(first[c])));
        Assert.Equal([JobState.Queued, JobState.Running], f.States(d));

        foreach (var name in new[] { "b-go", "c-go", "d-go" })
        {
            f.Release(name);
        }

        foreach (var id in new[] { b, c, d })
        {
            await f.WaitForState(id, JobState.Succeeded);
        }

        Assert.Equal([0, 1, 2, 3], f.Service.Info().FreeGpuIds);
    }

    [Fact]
    public async Task A_high_priority_job_preempts_a_preemptible_one_which_resumes_by_itself_afterwards()
    {
        await using var f = new ServiceFixture(o => o with { GpuIds = [0, 1] });
        var runs = f.ControlFile("low-runs");
        var lowScript =
            $"echo \"run ${{LOOM_RESUME_FROM-none}}\" >> '{runs}'; " +
            "trap 'echo step-3 > \"$LOOM_CHECKPOINT_DIR/low.ckpt\"; exit 0' TERM; " +
            "touch \"started-$(( $(wc -l < '" + runs + "') ))\"; " +
            f.WaitFor("low-go");

        var low = f.Submit(ShApp("low", lowScript, gpus: 2), s => s with { Preemptible = true });
        await f.WaitForState(low, JobState.Running);
        await f.WaitForReplicaFile(low, "started-1");

        var high = f.Submit(ShApp("high", $"echo \"$CUDA_VISIBLE_DEVICES\" > gpus.txt; {f.WaitFor("high-go")}", gpus: 2), s => s with { Priority = 10 });
        var highJob = await f.WaitForState(high, JobState.Running);

        Assert.Equal([0, 1], highJob.GpuIds.Order());
        var history = f.Service.Describe(low).History;
        Assert.Equal(
            [JobState.Queued, JobState.Running, JobState.Halted, JobState.Resumed, JobState.Queued],
            history.Select(t => t.To));
        Assert.Equal($"Preempted by job {high.ToString(CultureInfo.InvariantCulture)}", history[2].Reason);
        Assert.Equal(JobState.Queued, f.Service.Get(low).State);
        var checkpoint = Path.Combine(f.Service.JobDirectory(low), "checkpoints", "low.ckpt");
        Assert.Equal("step-3\n", await File.ReadAllTextAsync(checkpoint));

        // The low job does not take the GPUs back while the high one holds them.
        var probe = f.Submit(ShApp("probe", "true"));
        await f.WaitForState(probe, JobState.Succeeded);
        Assert.Equal(JobState.Queued, f.Service.Get(low).State);

        f.Release("high-go");
        await f.WaitForState(high, JobState.Succeeded);
        await f.WaitForState(low, JobState.Running);
        await f.WaitForReplicaFile(low, "started-2");
        f.Release("low-go");
        await f.WaitForState(low, JobState.Succeeded);

        Assert.Equal(["run none", $"run {checkpoint}"], await File.ReadAllLinesAsync(runs));
        Assert.Equal(
            [JobState.Queued, JobState.Running, JobState.Halted, JobState.Resumed, JobState.Queued, JobState.Running, JobState.Succeeded],
            f.States(low));
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], f.States(high));
    }

    [Fact]
    public async Task A_job_that_is_not_preemptible_keeps_its_gpus()
    {
        await using var f = new ServiceFixture(o => o with { GpuIds = [0, 1] });

        var low = f.Submit(ShApp("steady", $"touch started; {f.WaitFor("steady-go")}", gpus: 2));
        await f.WaitForReplicaFile(low, "started");
        var high = f.Submit(ShApp("urgent", "true", gpus: 2), s => s with { Priority = 10 });
        var probe = f.Submit(ShApp("probe", "true"));
        await f.WaitForState(probe, JobState.Succeeded);

        Assert.Equal(JobState.Running, f.Service.Get(low).State);
        Assert.Equal(JobState.Queued, f.Service.Get(high).State);

        f.Release("steady-go");
        await f.WaitForState(low, JobState.Succeeded);
        await f.WaitForState(high, JobState.Succeeded);
        Assert.Equal([JobState.Queued, JobState.Running, JobState.Succeeded], f.States(low));
    }

    // Waits until the job runs and its replica wrote the CUDA_VISIBLE_DEVICES it got, which must be the job's GPU ids.
    private static async Task<int[]> Gpus(ServiceFixture f, long id)
    {
        var job = await f.WaitForReplicaFile(id, "gpus.txt");
        await f.WaitUntil(id, j => File.ReadAllText(ReplicaFile(j, "gpus.txt")).EndsWith('\n'), "wrote its whole gpus.txt");
        var text = ReadReplicaFile(job, "gpus.txt");
        var gpus = text.Split(',').Select(g => int.Parse(g, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(gpus.Order(), f.Service.Get(id).GpuIds.Order());
        return gpus;
    }
}
