using Loom.Jobs.Api;
using Loom.Jobs.Client;

namespace Loom.Jobs.Schedulers;

/// <summary>
/// The <c>local</c> scheduler: this machine's head, reached through its HTTP API. Handles are
/// <c>local://SESSION/NAME-ID</c>, <c>NAME-ID</c> or the job number.
/// </summary>
/// <param name="client">The head's client; disposed with the scheduler.</param>
public sealed class LocalJobScheduler(HeadClient client) : IJobScheduler
{
    /// <summary>The head's client.</summary>
    public HeadClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));

    /// <inheritdoc />
    public string Name => JobHandle.LocalScheme;

    /// <inheritdoc />
    public Task<SubmitResult> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken = default) =>
        Client.SubmitAsync(submission, cancellationToken);

    /// <inheritdoc />
    public Task<JobView> GetAsync(string handle, CancellationToken cancellationToken = default) =>
        Client.GetAsync(Id(handle), cancellationToken);

    /// <inheritdoc />
    public Task<JobDescription> DescribeAsync(string handle, CancellationToken cancellationToken = default) =>
        Client.DescribeAsync(Id(handle), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JobView>> ListAsync(CancellationToken cancellationToken = default) =>
        Client.ListAsync(cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<JobView> CancelAsync(string handle, CancellationToken cancellationToken = default) =>
        Client.CancelAsync(Id(handle), cancellationToken);

    /// <inheritdoc />
    public async Task<LogChunk> ReadLogAsync(
        string handle, string role, int replica, string stream, long offset, CancellationToken cancellationToken = default)
    {
        var (text, next) = await Client.ReadLogAsync(Id(handle), role, replica, stream, offset, cancellationToken).ConfigureAwait(false);
        return new LogChunk(text, next);
    }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();

    private static long Id(string handle) =>
        JobHandle.TryParse(handle, out var id, out var error) ? id : throw new SchedulerException(error) { IsUsageError = true };
}
