using System.Globalization;
using System.Text.Json;
using Loom.Jobs.Api;

namespace Loom.Jobs.Slurm.Records;

/// <summary>Reads and writes the job records under <c>$LOOM_HOME/slurm/jobs</c>.</summary>
internal sealed class SlurmRecordStore(SlurmPaths paths)
{
    /// <summary>Writes a record (atomically: a temporary file, then a rename).</summary>
    public void Write(SlurmJobRecord record)
    {
        Directory.CreateDirectory(paths.Jobs);
        var path = paths.Record(record.JobId);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, JobsJson.Indented));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A job's record, or null when Loom did not submit it from this <c>$LOOM_HOME</c>.</summary>
    public SlurmJobRecord? TryRead(long jobId)
    {
        var path = paths.Record(jobId);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<SlurmJobRecord>(File.ReadAllText(path), JobsJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The ids of every recorded job.</summary>
    public IReadOnlyList<long> Ids()
    {
        if (!Directory.Exists(paths.Jobs))
        {
            return [];
        }

        return Directory.EnumerateFiles(paths.Jobs, "*.json")
            .Select(f => long.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList();
    }
}
