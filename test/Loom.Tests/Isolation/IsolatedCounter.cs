namespace Loom.Tests.Isolation;

/// <summary>An actor for the isolation tests: counts, tells its process id, logs each construction to a file.</summary>
public sealed class IsolatedCounter
{
    private int _value;

    public IsolatedCounter(string directory)
    {
        File.AppendAllText(Path.Combine(directory, "constructed"), $"{Environment.ProcessId}\n");
    }

    public int Increment(int by) => _value += by;

    public async Task<int> AddLaterAsync(int by)
    {
        await Task.Yield();
        return _value += by;
    }

    public int ProcessId() => Environment.ProcessId;

    public string Devices() => Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES") ?? "<unset>";

    public int Block(string directory) => FileGate.ReportAndWait(directory);

    public static int Constructions(string directory) => File.ReadAllLines(Path.Combine(directory, "constructed")).Length;
}

/// <summary>An actor whose constructor throws inside its worker process.</summary>
public sealed class IsolatedBroken
{
    public IsolatedBroken(string reason)
    {
        throw new InvalidOperationException(reason);
    }

    public int Get() => 1;
}
