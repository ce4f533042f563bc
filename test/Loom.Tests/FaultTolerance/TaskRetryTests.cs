using Loom.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Loom.Tests.FaultTolerance;

public sealed class TaskRetryTests
{
    private static int s_flakyCalls;
    private static int s_alwaysCalls;
    private static int s_typedCalls;
    private static int s_plainCalls;

    [Fact]
    public async Task Application_exceptions_are_not_retried_by_default()
    {
        await using var loom = await TestCluster.StartAsync();
        Interlocked.Exchange(ref s_plainCalls, 0);

        var failing = loom.Task(static () => CountThenThrow(ref s_plainCalls, new InvalidOperationException("once"))).Remote();

        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await failing.Within());
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, Volatile.Read(ref s_plainCalls));
        Assert.Equal(3, TaskOptions.Default.MaxRetries);
    }

    [Fact]
    public async Task Retried_exceptions_rerun_the_task_until_it_succeeds()
    {
        await using var loom = await TestCluster.StartAsync();
        Interlocked.Exchange(ref s_flakyCalls, 0);

        var flaky = loom.Task(static () => Interlocked.Increment(ref s_flakyCalls) < 3 ? throw new TimeoutException("flaky") : "ok")
            .WithOptions(new TaskOptions { MaxRetries = 5, RetryExceptions = ExceptionRetryPolicy.All, RetryBackoff = RetryBackoff.None })
            .Remote();

        Assert.Equal("ok", await flaky.Within());
        Assert.Equal(3, Volatile.Read(ref s_flakyCalls));
    }

    [Fact]
    public async Task The_final_error_reports_how_many_attempts_ran()
    {
        await using var loom = await TestCluster.StartAsync();
        Interlocked.Exchange(ref s_alwaysCalls, 0);

        var hopeless = loom.Task(static () => CountThenThrow(ref s_alwaysCalls, new IOException("disk gone")))
            .WithOptions(new TaskOptions { Name = "hopeless", MaxRetries = 2, RetryExceptions = ExceptionRetryPolicy.For(typeof(IOException)), RetryBackoff = RetryBackoff.None })
            .Remote();

        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await hopeless.Within());
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, Volatile.Read(ref s_alwaysCalls));
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(IOException).FullName, error.RemoteExceptionType);
    }

    [Fact]
    public async Task Only_the_listed_exception_types_are_retried()
    {
        await using var loom = await TestCluster.StartAsync();
        Interlocked.Exchange(ref s_typedCalls, 0);

        var wrongType = loom.Task(static () => CountThenThrow(ref s_typedCalls, new ArgumentException("not retried")))
            .WithOptions(new TaskOptions { MaxRetries = 4, RetryExceptions = ExceptionRetryPolicy.For(typeof(IOException)), RetryBackoff = RetryBackoff.None })
            .Remote();

        var error = await Assert.ThrowsAsync<TaskFailedException>(async () => await wrongType.Within());
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, Volatile.Read(ref s_typedCalls));
    }

    [Fact]
    public async Task Retries_wait_for_their_backoff_on_the_cluster_clock()
    {
        var clock = new FakeTimeProvider();
        await using var loom = await TestCluster.StartAsync(configure: o => o with { TimeProvider = clock });
        var attempts = new AttemptLog();
        AttemptLog.Current = attempts;

        var flaky = loom.Task(static () => AttemptLog.Current!.Attempt() < 2 ? throw new TimeoutException("first") : 7)
            .WithOptions(new TaskOptions { RetryExceptions = ExceptionRetryPolicy.All, RetryBackoff = new RetryBackoff(TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(1)) })
            .Remote();

        await attempts.FirstAttempt.WaitAsync(TestCluster.Patience);
        await TestCluster.WaitUntilAsync(() => loom.GetStatus().Tasks.Queued == 1);
        Assert.False(flaky.IsCompleted);
        Assert.Equal(1, attempts.Count);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(7, await flaky.Within());
        Assert.Equal(2, attempts.Count);
    }

    [Fact]
    public void Backoff_grows_by_its_multiplier_up_to_the_maximum()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), 2, TimeSpan.FromMilliseconds(350));

        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.DelayBefore(1));
        Assert.Equal(TimeSpan.FromMilliseconds(200), backoff.DelayBefore(2));
        Assert.Equal(TimeSpan.FromMilliseconds(350), backoff.DelayBefore(3));
        Assert.Equal(TimeSpan.Zero, RetryBackoff.None.DelayBefore(4));
    }

    [Fact]
    public void A_retry_policy_accepts_only_exception_types()
    {
        var error = Assert.Throws<ArgumentException>(() => ExceptionRetryPolicy.For(typeof(string)));
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    private static int CountThenThrow(ref int calls, Exception exception)
    {
        Interlocked.Increment(ref calls);
        throw exception;
    }

    /// <summary>Counts attempts of a task across retries and lets a test wait for conditions without sleeping.</summary>
    private sealed class AttemptLog
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public static AttemptLog? Current { get; set; }

        public int Count => Volatile.Read(ref _count);

        public Task FirstAttempt => _first.Task;

        public int Attempt()
        {
            var n = Interlocked.Increment(ref _count);
            _first.TrySetResult();
            return n;
        }
    }
}
