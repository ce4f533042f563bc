using System.Globalization;
using Loom.Jobs.Schedulers;

namespace Loom.Jobs.Slurm;

/// <summary>
/// A handle of a job run on Slurm: <c>slurm://SESSION/ID</c> (the job, or every task of an array),
/// <c>slurm://SESSION/ID_INDEX</c> (one array task), or the bare <c>ID</c> / <c>ID_INDEX</c>.
/// SESSION is the cluster's name.
/// </summary>
/// <param name="Session">The cluster's name; empty when the handle was a bare id.</param>
/// <param name="JobId">The job id <c>sbatch</c> printed (a heterogeneous job's leader, an array's job id).</param>
/// <param name="ArrayIndex">The array task's index, or null for the whole job.</param>
public sealed record SlurmHandle(string Session, long JobId, int? ArrayIndex)
{
    /// <summary>The scheme of Slurm handles, which is also the scheduler's name.</summary>
    public const string Scheme = "slurm";

    /// <summary>The id as Slurm writes it: <c>ID</c> or <c>ID_INDEX</c>.</summary>
    public string SlurmId => ArrayIndex is { } index
        ? $"{JobId.ToString(CultureInfo.InvariantCulture)}_{index.ToString(CultureInfo.InvariantCulture)}"
        : JobId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a handle.</summary>
    /// <param name="text">The handle.</param>
    /// <param name="handle">The handle read.</param>
    /// <param name="error">Why it could not be read.</param>
    /// <returns>True when it could be read.</returns>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SlurmHandle? handle, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        handle = null;
        var rest = text.Trim();
        var session = "";
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var prefix = rest[..scheme];
            if (prefix != Scheme)
            {
                error = $"'{text}' is a handle of the '{prefix}' scheduler, not of '{Scheme}'.";
                return false;
            }

            rest = rest[(scheme + 3)..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                error = Usage(text);
                return false;
            }

            session = rest[..slash];
            rest = rest[(slash + 1)..];
        }

        int? index = null;
        var underscore = rest.IndexOf('_', StringComparison.Ordinal);
        if (underscore >= 0)
        {
            if (!int.TryParse(rest[(underscore + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            {
                error = Usage(text);
                return false;
            }

            index = i;
            rest = rest[..underscore];
        }

        if (!long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            error = Usage(text);
            return false;
        }

        handle = new SlurmHandle(session, id, index);
        error = "";
        return true;
    }

    /// <summary>Reads a handle.</summary>
    /// <param name="text">The handle.</param>
    /// <returns>The handle.</returns>
    /// <exception cref="SchedulerException">The text is not a Slurm handle (a usage error).</exception>
    public static SlurmHandle Parse(string text) =>
        TryParse(text, out var handle, out var error) ? handle : throw new SchedulerException(error) { IsUsageError = true };

    /// <summary>The handle as text: <c>slurm://SESSION/ID</c> or <c>slurm://SESSION/ID_INDEX</c>.</summary>
    /// <returns>The handle.</returns>
    public override string ToString() => $"{Scheme}://{Session}/{SlurmId}";

    private static string Usage(string text) =>
        $"'{text}' is not a Slurm job handle: give what 'loom run' printed (slurm://CLUSTER/JOB_ID), " +
        "slurm://CLUSTER/JOB_ID_INDEX for one array task (on the command line a bare number names a local job).";
}
