namespace Loom.Jobs.Queue;

/// <summary>The environment variables a job's processes receive from the queue.</summary>
public static class JobEnvironmentVariables
{
    /// <summary>The index of an array task (Slurm's <c>SLURM_ARRAY_TASK_ID</c>).</summary>
    public const string ArrayTaskId = "LOOM_ARRAY_TASK_ID";

    /// <summary>The id of the array's first task, shared by all its tasks.</summary>
    public const string ArrayJobId = "LOOM_ARRAY_JOB_ID";

    /// <summary>The job's id.</summary>
    public const string JobId = "LOOM_JOB_ID";

    /// <summary>The variables for a job: its id and, for an array task, the array's id and the task's index.</summary>
    /// <param name="job">The job.</param>
    /// <returns>Name → value.</returns>
    public static IReadOnlyDictionary<string, string> For(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { [JobId] = job.Id.ToString(culture) };
        if (job.ArrayParentId is { } parent && job.ArrayIndex is { } index)
        {
            map[ArrayJobId] = parent.ToString(culture);
            map[ArrayTaskId] = index.ToString(culture);
        }

        return map;
    }
}
