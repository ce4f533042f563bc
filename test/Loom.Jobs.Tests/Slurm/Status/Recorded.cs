namespace Loom.Jobs.Tests.Slurm.Status;

/// <summary>The Slurm outputs under Slurm/Recorded (see its README.md for how each was made).</summary>
internal static class Recorded
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Slurm", "Recorded", name));

    /// <summary>A time as Slurm's text outputs write it: local time of the host that reads it.</summary>
    public static DateTimeOffset LocalTime(int year, int month, int day, int hour, int minute, int second)
    {
        var time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return new DateTimeOffset(time, TimeZoneInfo.Local.GetUtcOffset(time));
    }

    public static DateTimeOffset Unix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}
