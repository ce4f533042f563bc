using Loom.Node;

namespace Loom.Benchmarks;

/// <summary>Scheduled work that does nothing when it runs; the benchmark releases its allocation.</summary>
internal sealed class NoOpWork(ResourceShape shape) : ScheduledWork(shape)
{
    public override void Execute()
    {
    }

    public override void Abort(string reason)
    {
    }
}
