namespace Loom.Jobs.Tests;

public sealed class ProjectSmokeTests
{
    [Fact]
    public void The_jobs_assembly_loads()
    {
        Assert.Equal("Loom.Jobs", typeof(Loom.Jobs.JobsAssembly).Assembly.GetName().Name);
    }
}
