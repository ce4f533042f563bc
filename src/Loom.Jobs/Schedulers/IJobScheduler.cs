using Loom.Jobs.Api;

namespace Loom.Jobs.Schedulers;

/// <summary>
/// A backend that runs apps: this machine's head (<c>local</c>), a Slurm cluster (<c>slurm</c>), …
/// Every backend honours one contract, checked by one shared test suite: a submitted app gets a
/// handle (<c>SCHEDULER://SESSION/ID</c>), its state follows Loom's lifecycle, its replicas' logs are
/// readable per role and replica, and it can be cancelled.
/// </summary>
public interface IJobScheduler : IDisposable
{
    /// <summary>The scheduler's name, which is also the scheme of its handles.</summary>
    string Name { get; }

    /// <summary>Submits an app (or an array of it).</summary>
    /// <param name="submission">What to run; <see cref="JobSubmission.RunOptions"/> carries the scheduler's own options.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The handle and the submitted jobs.</returns>
    Task<SubmitResult> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>The current state of a job.</summary>
    /// <param name="handle">The handle <see cref="SubmitAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    Task<JobView> GetAsync(string handle, CancellationToken cancellationToken = default);

    /// <summary>A job with its app and its recorded history.</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The description.</returns>
    Task<JobDescription> DescribeAsync(string handle, CancellationToken cancellationToken = default);

    /// <summary>The jobs this scheduler knows of for the current user, newest first.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The jobs.</returns>
    Task<IReadOnlyList<JobView>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Cancels a job (every task of an array).</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job as it is after the request.</returns>
    Task<JobView> CancelAsync(string handle, CancellationToken cancellationToken = default);

    /// <summary>Reads a replica's log from a byte offset.</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="role">The role.</param>
    /// <param name="replica">The replica id within the role.</param>
    /// <param name="stream"><c>stdout</c> or <c>stderr</c>.</param>
    /// <param name="offset">The byte offset to read from.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The text read and the offset to read from next.</returns>
    Task<LogChunk> ReadLogAsync(string handle, string role, int replica, string stream, long offset, CancellationToken cancellationToken = default);
}
