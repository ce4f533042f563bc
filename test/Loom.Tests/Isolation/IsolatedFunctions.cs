namespace Loom.Tests.Isolation;

/// <summary>Task bodies run in worker processes by the isolation tests.</summary>
internal static class IsolatedFunctions
{
    public static int ProcessId() => Environment.ProcessId;

    public static int Square(int x) => x * x;

    public static async Task<string> GreetAsync(string name)
    {
        await Task.Yield();
        return $"hello {name} from {Environment.ProcessId}";
    }

    public static int Explode(int x) => throw new InvalidOperationException($"bad input {x}");

    public static int CrashHard(int x)
    {
        Environment.FailFast($"deliberate crash {x}");
        return x;
    }

    public static string CudaVisibleDevices() => Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES") ?? "<unset>";

    public static int SumRefs(ObjectRef<int>[] refs) => refs.Length;

    /// <summary>Crashes its worker process on the first <paramref name="crashes"/> attempts (counted in files), then returns the attempt number.</summary>
    public static int CrashUntil(string directory, int crashes)
    {
        var attempt = Directory.GetFiles(directory, "attempt-*").Length + 1;
        File.WriteAllText(Path.Combine(directory, $"attempt-{attempt}"), string.Empty);
        if (attempt <= crashes)
        {
            Environment.FailFast($"deliberate crash on attempt {attempt}");
        }

        return attempt;
    }
}
