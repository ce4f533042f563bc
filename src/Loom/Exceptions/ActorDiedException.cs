using Loom.ObjectStore;

namespace Loom;

/// <summary>
/// A call went to an actor that is dead: killed, or its constructor threw (that exception is the
/// <see cref="Exception.InnerException"/>), or the cluster stopped.
/// </summary>
public sealed class ActorDiedException : LoomException
{
    internal ActorDiedException(ErrorInfo error)
        : base(error)
    {
    }

    /// <summary>The actor's name, or its id when it has none.</summary>
    public string ActorName => Error!.ActorName ?? Error.TaskName;
}
