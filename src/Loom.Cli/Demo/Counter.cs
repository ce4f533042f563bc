namespace Loom.Cli.Demo;

/// <summary>A stateful actor: a counter that remembers how many calls changed it.</summary>
internal sealed class Counter
{
    private long _value;
    private int _calls;

    public Counter(long start)
    {
        _value = start;
    }

    public long Increment(int by)
    {
        _value += by;
        _calls++;
        return _value;
    }

    public CounterState Snapshot() => new(_value, _calls);
}
