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
}
