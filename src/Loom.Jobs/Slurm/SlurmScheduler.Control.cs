using System.Globalization;
using System.Text;
using Loom.Jobs.Api;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm.Script;
using Loom.Jobs.Slurm.Tracking;

namespace Loom.Jobs.Slurm;

public sealed partial class SlurmScheduler
{
    /// <summary>Cancels a job with <c>scancel</c> (every component; every task of an array unless the handle names one).</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job as Slurm reports it right after.</returns>
    public async Task<JobView> CancelAsync(string handle, CancellationToken cancellationToken = default)
    {
        var (parsed, _) = Resolve(handle);
        await _commands.ScancelAsync(parsed.SlurmId, cancellationToken);
        return await GetAsync(handle, cancellationToken);
    }

    /// <summary>
    /// Reads a replica's log, <c>JOB_DIR/slurm-JOBID-ROLE-REPLICA.out</c> (<c>.err</c> for stderr; <c>JOBID_INDEX</c>
    /// for an array task, the first task when the handle names the whole array). A log not written yet reads empty.
    /// </summary>
    /// <param name="handle">The handle.</param>
    /// <param name="role">The role.</param>
    /// <param name="replica">The replica id within the role.</param>
    /// <param name="stream"><c>stdout</c> or <c>stderr</c>.</param>
    /// <param name="offset">The byte offset to read from.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The text read and the offset to read from next.</returns>
    public async Task<LogChunk> ReadLogAsync(string handle, string role, int replica, string stream, long offset, CancellationToken cancellationToken = default)
    {
        var extension = stream switch
        {
            "stdout" => "out",
            "stderr" => "err",
            _ => throw new SchedulerException($"'{stream}' is not a log stream; use stdout or stderr.") { IsUsageError = true },
        };
        var (parsed, record) = Resolve(handle);
        if (record is null)
        {
            throw new SchedulerException(
                $"Loom has no record of Slurm job {parsed.SlurmId} in {_paths.Jobs}, so it does not know where its logs are: " +
                "look for them where its script's --output points ('scontrol show job').");
        }

        if (!record.Layout.Any(s => s.Role == role && s.ReplicaId == replica))
        {
            throw new SchedulerException(
                $"Job {parsed.SlurmId} has no replica {role}/{replica.ToString(CultureInfo.InvariantCulture)}; it has " +
                string.Join(", ", record.Layout.Select(s => $"{s.Role}/{s.ReplicaId.ToString(CultureInfo.InvariantCulture)}")) + ".")
            {
                IsUsageError = true,
            };
        }

        var key = SlurmLogPaths.Key(parsed.JobId, parsed.ArrayIndex ?? SlurmJobViews.FirstIndex(record));
        var path = SlurmLogPaths.Replica(record.JobDir, key, role, replica, extension);
        return await ReadFromAsync(path, offset, cancellationToken);
    }

    private static async Task<LogChunk> ReadFromAsync(string path, long offset, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new LogChunk("", offset);
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (offset >= file.Length)
        {
            return new LogChunk("", offset);
        }

        file.Position = offset;
        var buffer = new byte[Math.Min(file.Length - offset, 4 * 1024 * 1024)];
        await file.ReadExactlyAsync(buffer, cancellationToken);
        var length = CompleteUtf8Length(buffer);
        return new LogChunk(Encoding.UTF8.GetString(buffer, 0, length), offset + length);
    }

    /// <summary>The bytes up to the last whole UTF-8 character, so a character cut by a read is read whole next time.</summary>
    private static int CompleteUtf8Length(byte[] buffer)
    {
        var end = buffer.Length;
        var i = end - 1;
        var back = 0;
        while (i >= 0 && back < 4 && (buffer[i] & 0xC0) == 0x80)
        {
            i--;
            back++;
        }

        if (i < 0 || buffer[i] < 0xC0)
        {
            return end;
        }

        var needed = buffer[i] >= 0xF0 ? 4 : buffer[i] >= 0xE0 ? 3 : 2;
        return end - i >= needed ? end : i;
    }
}
