using System.Text;
using System.Text.RegularExpressions;
using Loom.Jobs.Api;
using Loom.Jobs.Schedulers;

namespace Loom.Cli.Jobs;

/// <summary>Reads replicas' logs through the head, from where it last stopped, and prints whole lines.</summary>
internal sealed class LogFollower(IJobScheduler scheduler, string handle, Func<ReplicaView, bool> selected, IReadOnlyList<string> streams, Regex? filter, bool prefix)
{
    private readonly Dictionary<(string Role, int Replica, string Stream), (long Offset, StringBuilder Pending)> _positions = [];

    /// <summary>Reads what is new in every selected replica's logs and returns its complete lines (prefixed with role/replica when asked).</summary>
    public async Task<IReadOnlyList<string>> ReadNewLinesAsync(JobView job, bool flush)
    {
        var lines = new List<string>();
        foreach (var replica in job.Replicas.Where(selected).OrderBy(r => r.Rank))
        {
            foreach (var stream in streams)
            {
                var key = (replica.Role, replica.ReplicaId, stream);
                var (offset, pending) = _positions.TryGetValue(key, out var p) ? p : (0L, new StringBuilder());
                while (true)
                {
                    var (text, next) = await scheduler.ReadLogAsync(handle, replica.Role, replica.ReplicaId, stream, offset).ConfigureAwait(false);
                    if (next == offset)
                    {
                        break;
                    }

                    pending.Append(text);
                    offset = next;
                }

                _positions[key] = (offset, pending);
                var whole = pending.ToString();
                var end = flush ? whole.Length : whole.LastIndexOf('\n') + 1;
                if (end <= 0)
                {
                    continue;
                }

                pending.Remove(0, end);
                var chunk = whole[..end];
                chunk = chunk.EndsWith('\n') ? chunk[..^1] : chunk;
                foreach (var line in chunk.Split('\n'))
                {
                    if (filter is null || filter.IsMatch(line))
                    {
                        lines.Add(prefix ? $"{replica.Role}/{replica.ReplicaId}: {line}" : line);
                    }
                }
            }
        }

        return lines;
    }
}
