using System.Globalization;

namespace Loom.Jobs.Local;

/// <summary>Reads what Linux's <c>/proc</c> says about processes: start times, parents and resident memory.</summary>
internal static class ProcFs
{
    /// <summary>The process's start time in clock ticks since boot (field 22 of <c>/proc/PID/stat</c>); null when it is gone.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>The start time, or null.</returns>
    public static long? StartTime(int pid) => StatField(pid, 22);

    /// <summary>The process's parent id (field 4 of <c>/proc/PID/stat</c>); null when it is gone.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>The parent id, or null.</returns>
    public static int? ParentId(int pid) => StatField(pid, 4) is { } ppid ? (int)ppid : null;

    /// <summary>Whether the process lives and is the one that started at <paramref name="startTime"/>.</summary>
    /// <param name="pid">The process id.</param>
    /// <param name="startTime">The start time recorded when it was started.</param>
    /// <returns>True when it is the same live process.</returns>
    public static bool IsSameProcess(int pid, long startTime) => StartTime(pid) == startTime && !IsZombie(pid);

    /// <summary>The resident set of one process in KiB (<c>VmRSS</c> of <c>/proc/PID/status</c>); zero when it is gone.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>KiB.</returns>
    public static long ResidentKiB(int pid)
    {
        var text = ReadOrNull($"/proc/{pid}/status");
        if (text is null)
        {
            return 0;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var digits = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib : 0;
            }
        }

        return 0;
    }

    /// <summary>The process and all its descendants, the process first.</summary>
    /// <param name="pid">The root process id.</param>
    /// <returns>The ids.</returns>
    public static IReadOnlyList<int> Tree(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && ParentId(child) is { } parent)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    list = [];
                    children[parent] = list;
                }

                list.Add(child);
            }
        }

        var tree = new List<int> { pid };
        for (var i = 0; i < tree.Count; i++)
        {
            if (children.TryGetValue(tree[i], out var list))
            {
                tree.AddRange(list);
            }
        }

        return tree;
    }

    private static bool IsZombie(int pid)
    {
        var stat = ReadOrNull($"/proc/{pid}/stat");
        var close = stat?.LastIndexOf(')') ?? -1;
        return stat is null || close < 0 || (close + 2 < stat.Length && stat[close + 2] is 'Z' or 'X');
    }

    private static long? StatField(int pid, int field)
    {
        // The command name (field 2) is in parentheses and may hold spaces, so count from the last ')'.
        var stat = ReadOrNull($"/proc/{pid}/stat");
        var close = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || close < 0)
        {
            return null;
        }

        var rest = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = field - 3;
        return index < rest.Length && long.TryParse(rest[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
