using System.Globalization;

namespace Loom.Jobs.Slurm;

/// <summary>
/// An exit status as Slurm reports it: <c>3:0</c> (exit code 3, signal 0) in its text outputs, the raw
/// <c>wait()</c> status (768 for exit 3, 9 for SIGKILL) in 22.05's JSON.
/// </summary>
internal static class SlurmExitStatus
{
    /// <summary>The exit code and signal of <c>code:signal</c>.</summary>
    public static (int? Code, int? Signal) ParsePair(string? value, string field)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, null);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0
            || !int.TryParse(text[..colon], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var signal))
        {
            throw new FormatException($"{field} is '{value}', not an exit status such as 3:0 (exit code:signal).");
        }

        return (code, signal);
    }

    /// <summary>The exit code and signal in a raw <c>wait()</c> status.</summary>
    public static (int Code, int Signal) FromWaitStatus(long status)
    {
        var signal = (int)(status & 0x7f);
        return signal == 0 ? ((int)((status >> 8) & 0xff), 0) : (0, signal);
    }
}
