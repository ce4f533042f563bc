namespace Loom.Tests.Cli.Schedulers;

/// <summary>The scheduler contract on a real Slurm cluster (the local one of <c>deploy/slurm/local-cluster.sh</c> in CI).</summary>
[Trait("Category", "Slurm")]
[Collection(SlurmSerial.Name)]
public sealed class SlurmSchedulerContractTests(SlurmHomeFixture slurm) : SchedulerContractTests, IClassFixture<SlurmHomeFixture>
{
    protected override string Scheduler => "slurm";

    protected override string Work => slurm.Work;

    // Slurm's time limits are whole minutes, enforced by the controller's periodic check.
    protected override string ShortTimeLimit => "1m";

    protected override TimeSpan Patience => TimeSpan.FromMinutes(4);

    protected override Task<(int ExitCode, string Stdout, string Stderr)> Loom(params string[] arguments) => slurm.Loom(arguments);

    protected override void EnsureAvailable() => SlurmCluster.Ensure();
}
