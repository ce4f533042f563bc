using Loom.Tests.Cli.Jobs;
using Loom.Tests.Support;

namespace Loom.Tests.Cli.Schedulers;

/// <summary>The scheduler contract on the local head.</summary>
[Trait("Category", "Integration")]
public sealed class LocalSchedulerContractTests(HeadFixture head) : SchedulerContractTests, IClassFixture<HeadFixture>
{
    protected override string Scheduler => "local";

    protected override string Work => head.Work;

    protected override string ShortTimeLimit => "2s";

    protected override TimeSpan Patience => TestCluster.Patience;

    protected override Task<(int ExitCode, string Stdout, string Stderr)> Loom(params string[] arguments) => head.Loom(arguments);
}
