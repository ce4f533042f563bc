namespace Loom.Cli.Microbenchmark;

/// <summary>The async-actor benchmarks' callee: an async method that yields once and returns a tiny byte array.</summary>
internal sealed class AsyncSmallActor
{
    private static readonly byte[] Ok = "ok"u8.ToArray();

    private long _calls;

    public long Calls => _calls;

    public async Task<byte[]> SmallAsync()
    {
        await Task.Yield();
        _calls++;
        return Ok;
    }
}
