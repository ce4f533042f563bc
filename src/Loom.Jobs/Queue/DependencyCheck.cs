namespace Loom.Jobs.Queue;

/// <summary>Judges whether a queued job's dependencies are met, pending, or can never be met.</summary>
internal static class DependencyCheck
{
    /// <summary>The verdict on a job's dependencies.</summary>
    public enum Verdict
    {
        /// <summary>All are met.</summary>
        Satisfied,

        /// <summary>Some have not ended yet.</summary>
        Pending,

        /// <summary>One can never be met.</summary>
        Never,
    }

    /// <summary>Judges a job's dependencies.</summary>
    /// <param name="job">The queued job.</param>
    /// <param name="jobs">The jobs it depends on, by id.</param>
    /// <param name="reason">Why a dependency can never be met.</param>
    /// <returns>The verdict.</returns>
    public static Verdict Judge(JobRecord job, IReadOnlyDictionary<long, JobRecord> jobs, out string reason)
    {
        reason = "";
        var pending = false;
        foreach (var dependency in job.Dependencies)
        {
            if (!jobs.TryGetValue(dependency.JobId, out var other))
            {
                reason = $"{JobFailure.DependencyNeverSatisfied}: job {dependency.JobId} does not exist";
                return Verdict.Never;
            }

            // A failed attempt that will be retried has not ended yet.
            var retrying = other.State is JobState.Failed or JobState.Timeout or JobState.OutOfMemory
                && other.RetryCount < other.MaxRetries;
            var ended = JobStateMachine.IsEnded(other.State) && !retrying;
            if (!ended)
            {
                pending = true;
            }
            else if (dependency.Kind == DependencyKind.AfterOk && other.State != JobState.Succeeded)
            {
                reason = $"{JobFailure.DependencyNeverSatisfied}: job {dependency.JobId} ended {System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(other.State.ToString())}";
                return Verdict.Never;
            }
        }

        return pending ? Verdict.Pending : Verdict.Satisfied;
    }
}
