using Loom.Jobs.Queue;
using static Loom.Jobs.Tests.Queue.TestJobs;

namespace Loom.Jobs.Tests.Queue;

public sealed class SupportTests
{
    [Fact]
    public void The_database_lives_under_loom_home_or_dot_loom()
    {
        Assert.Equal(Path.Combine("/srv/loom", "jobs.db"), JobStorePaths.Database(_ => "/srv/loom"));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".loom", "jobs.db"), JobStorePaths.Database(_ => null));
        Assert.Equal(Path.Combine(home, ".loom"), JobStorePaths.Home(_ => " "));
    }

    [Fact]
    public void Array_tasks_get_their_index_and_array_id()
    {
        var task = Job(12) with { ArrayParentId = 10, ArrayIndex = 2 };
        var env = JobEnvironmentVariables.For(task);
        Assert.Equal("2", env["LOOM_ARRAY_TASK_ID"]);
        Assert.Equal("10", env["LOOM_ARRAY_JOB_ID"]);
        Assert.Equal("12", env["LOOM_JOB_ID"]);
        Assert.False(JobEnvironmentVariables.For(Job(5)).ContainsKey("LOOM_ARRAY_TASK_ID"));
    }

    [Fact]
    public void Jobs_past_their_time_limit_are_expired()
    {
        var limited = Running(Job(1) with { TimeLimit = TimeSpan.FromMinutes(10) }, [], startedMinutesAfterT0: 0);
        var unlimited = Running(Job(2), [], startedMinutesAfterT0: 0);
        Assert.Empty(TimeLimits.Expired([limited, unlimited], T0.AddMinutes(9)));
        Assert.Equal([1], TimeLimits.Expired([limited, unlimited], T0.AddMinutes(10)).Select(j => j.Id));
        Assert.Equal(T0.AddMinutes(10), TimeLimits.Deadline(limited));
        Assert.Null(TimeLimits.Deadline(unlimited));
    }
}
