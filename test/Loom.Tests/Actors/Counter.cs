namespace Loom.Tests.Actors;

/// <summary>A small stateful actor used by the actor tests.</summary>
public sealed class Counter
{
    private int _value;

    public Counter(int start)
    {
        _value = start;
    }

    public int Increment(int by) => _value += by;

    public int Get() => _value;

    public int FailIfNegative(int x) => x < 0 ? throw new ArgumentOutOfRangeException(nameof(x), x, "negative input") : _value += x;

    public IReadOnlyList<int> Gpus() => LoomContext.Current.GpuIds;
}

/// <summary>An actor whose constructor always throws.</summary>
public sealed class Broken
{
    public Broken(string reason)
    {
        throw new InvalidOperationException(reason);
    }

    public int Get() => 1;
}
