namespace Loom.Jobs.Queue;

/// <summary>Where the job database lives: <c>$LOOM_HOME/jobs.db</c>, with <c>LOOM_HOME</c> defaulting to <c>~/.loom</c>.</summary>
public static class JobStorePaths
{
    /// <summary>The environment variable naming Loom's state directory.</summary>
    public const string HomeVariable = "LOOM_HOME";

    /// <summary>The database's file name inside the state directory.</summary>
    public const string DatabaseFileName = "jobs.db";

    /// <summary>Loom's state directory.</summary>
    /// <param name="getEnvironmentVariable">Reads an environment variable (defaults to the process environment).</param>
    /// <returns><c>$LOOM_HOME</c> when set and not empty, else <c>~/.loom</c>.</returns>
    public static string Home(Func<string, string?>? getEnvironmentVariable = null)
    {
        var home = (getEnvironmentVariable ?? Environment.GetEnvironmentVariable)(HomeVariable);
        return string.IsNullOrWhiteSpace(home)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".loom")
            : home;
    }

    /// <summary>The job database's path.</summary>
    /// <param name="getEnvironmentVariable">Reads an environment variable (defaults to the process environment).</param>
    /// <returns>The path of <c>jobs.db</c> in <see cref="Home"/>.</returns>
    public static string Database(Func<string, string?>? getEnvironmentVariable = null) =>
        Path.Combine(Home(getEnvironmentVariable), DatabaseFileName);
}
