using Loom.Jobs.Schedulers;
using static Loom.Jobs.Tests.Slurm.SlurmTestApps;

namespace Loom.Jobs.Tests.Slurm;

public sealed class SlurmCommandsMissingTests : IDisposable
{
    private readonly SlurmTestApps _apps = new();

    public void Dispose() => _apps.Dispose();

    [Fact]
    public async Task Submitting_without_slurms_commands_says_how_to_get_them()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_apps.Home, "bin")).FullName;
        using var scheduler = _apps.Scheduler(empty);

        var error = await Assert.ThrowsAsync<SchedulerException>(() => scheduler.SubmitAsync(_apps.Submission(App(Sh("r", "true")))));

        Assert.Equal(
            $"Slurm's commands were not found (sbatch not in {empty}): run Loom on a Slurm login node, or start a local cluster with " +
            "deploy/slurm/local-cluster.sh install && deploy/slurm/local-cluster.sh start.",
            error.Message);
        Assert.False(error.IsUsageError);
    }

    [Fact]
    public async Task Status_without_slurms_commands_says_so_too()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_apps.Home, "bin")).FullName;
        using var scheduler = _apps.Scheduler(empty);

        var error = await Assert.ThrowsAsync<SchedulerException>(() => scheduler.GetAsync("slurm://c/5"));

        Assert.Contains("squeue not in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_needs_no_slurm()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_apps.Home, "bin")).FullName;
        using var scheduler = _apps.Scheduler(empty);

        Assert.StartsWith("#!/bin/bash\n", scheduler.DryRun(_apps.Submission(App(Sh("r", "true")))), StringComparison.Ordinal);
    }
}
