namespace Loom.Cli.Microbenchmark;

/// <summary>The benchmarks' callee actor: returns a tiny byte array and counts its calls.</summary>
internal sealed class SmallActor
{
    private static readonly byte[] Ok = "ok"u8.ToArray();

    private long _calls;

    public long Calls => _calls;

    public byte[] Small()
    {
        _calls++;
        return Ok;
    }

    public async ValueTask<byte[]> SmallWithArg(ObjectRef<int> argument)
    {
        _ = await argument;
        _calls++;
        return Ok;
    }
}
