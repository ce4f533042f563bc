using System.Globalization;

namespace Loom.Jobs.Slurm.Tracking;

/// <summary>Reads the exit status a replica's wrapper wrote next to its logs.</summary>
internal static class ReplicaExitFiles
{
    /// <summary>The status, or null when the replica has not ended (or was killed before it could write it).</summary>
    public static int? Read(string path)
    {
        try
        {
            return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
                ? code
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
