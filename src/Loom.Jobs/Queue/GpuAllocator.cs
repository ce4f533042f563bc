namespace Loom.Jobs.Queue;

/// <summary>Chooses distinct whole GPUs for a job, contiguous when possible.</summary>
internal static class GpuAllocator
{
    /// <summary>
    /// Picks <paramref name="count"/> ids from the free ones: from the smallest run of consecutive ids that is long
    /// enough (keeping longer runs for larger jobs), else the lowest free ids.
    /// </summary>
    /// <param name="free">The free GPU ids.</param>
    /// <param name="count">How many the job needs.</param>
    /// <returns>The ids, ascending, or null when too few are free.</returns>
    public static int[]? Pick(IEnumerable<int> free, int count)
    {
        var ids = free.Distinct().Order().ToArray();
        if (count <= 0)
        {
            return [];
        }

        if (ids.Length < count)
        {
            return null;
        }

        int bestStart = -1, bestLength = int.MaxValue;
        var runStart = 0;
        for (var i = 1; i <= ids.Length; i++)
        {
            if (i < ids.Length && ids[i] == ids[i - 1] + 1)
            {
                continue;
            }

            var length = i - runStart;
            if (length >= count && length < bestLength)
            {
                bestStart = runStart;
                bestLength = length;
            }

            runStart = i;
        }

        return bestStart >= 0 ? ids[bestStart..(bestStart + count)] : ids[..count];
    }
}
