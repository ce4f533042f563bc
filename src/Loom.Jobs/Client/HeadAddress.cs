using System.Text.Json;
using Loom.Jobs.Api;

namespace Loom.Jobs.Client;

/// <summary>What <c>head.json</c> holds: where the running head listens and its process id.</summary>
/// <param name="Url">The API's base address, e.g. <c>http://127.0.0.1:8265</c>.</param>
/// <param name="Pid">The head's process id.</param>
/// <param name="Session">The session name in its handles.</param>
public sealed record HeadAddress(string Url, int Pid, string Session)
{
    /// <summary>Reads <c>head.json</c>, or null when there is none (no head was started, or it stopped cleanly).</summary>
    /// <param name="home">The state folder.</param>
    /// <returns>The address.</returns>
    public static HeadAddress? Read(LoomHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        try
        {
            return JsonSerializer.Deserialize<HeadAddress>(File.ReadAllText(home.HeadFile), JobsJson.Options);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes <c>head.json</c> atomically.</summary>
    /// <param name="home">The state folder.</param>
    public void Write(LoomHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var temporary = home.HeadFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, JobsJson.Options));
        File.Move(temporary, home.HeadFile, overwrite: true);
    }

    /// <summary>Whether the recorded process still runs.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ProcessAlive => IsRunning(Pid);

    /// <summary>Whether a process runs with this id.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>True while it runs.</returns>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
