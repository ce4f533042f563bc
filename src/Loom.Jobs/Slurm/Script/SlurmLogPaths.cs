using System.Globalization;

namespace Loom.Jobs.Slurm.Script;

/// <summary>
/// The files a Slurm job writes into its job folder. KEY is the job id, or <c>ARRAYID_INDEX</c> for an array task:
/// <list type="bullet">
/// <item><c>slurm-KEY-ROLE-REPLICA.out</c> / <c>.err</c>: a replica's stdout and stderr;</item>
/// <item><c>slurm-KEY-ROLE-REPLICA.exit</c>: a replica's exit status, once it ended;</item>
/// <item><c>slurm-KEY.out</c> / <c>.err</c>: the batch script's own output;</item>
/// <item><c>KEY/checkpoints/</c>: <c>LOOM_CHECKPOINT_DIR</c>.</item>
/// </list>
/// </summary>
internal static class SlurmLogPaths
{
    /// <summary>The shell variable of the batch script that holds KEY.</summary>
    public const string KeyVariable = "LOOM_SLURM_JOB";

    /// <summary>KEY for a job or an array task.</summary>
    public static string Key(long jobId, int? arrayIndex) => arrayIndex is { } index
        ? $"{jobId.ToString(CultureInfo.InvariantCulture)}_{index.ToString(CultureInfo.InvariantCulture)}"
        : jobId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A replica's file: <paramref name="extension"/> is <c>out</c>, <c>err</c> or <c>exit</c>.</summary>
    public static string Replica(string jobDir, string key, string role, int replica, string extension) =>
        Path.Combine(jobDir, $"slurm-{key}-{role}-{replica.ToString(CultureInfo.InvariantCulture)}.{extension}");

    /// <summary>The batch script's own output, with sbatch's patterns (<c>%j</c>, or <c>%A_%a</c> for arrays).</summary>
    public static string Batch(string jobDir, bool array, string extension) =>
        Path.Combine(jobDir, array ? $"slurm-%A_%a.{extension}" : $"slurm-%j.{extension}");

    /// <summary>
    /// A path for a Slurm filename pattern (sbatch's and srun's <c>--output</c> / <c>--error</c>): each <c>%</c>
    /// doubled, so that Slurm writes it as is instead of taking it for a replacement symbol such as <c>%j</c>.
    /// </summary>
    public static string EscapePattern(string path) => path.Replace("%", "%%", StringComparison.Ordinal);

    /// <summary>The job's own folder, which holds its checkpoints.</summary>
    public static string JobFolder(string jobDir, string key) => Path.Combine(jobDir, key);

    /// <summary>The checkpoint folder.</summary>
    public static string Checkpoints(string jobDir, string key) => Path.Combine(JobFolder(jobDir, key), "checkpoints");
}
