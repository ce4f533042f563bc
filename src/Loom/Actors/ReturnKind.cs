namespace Loom.Actors;

/// <summary>How an actor method hands back its result.</summary>
internal enum ReturnKind
{
    Value,
    Void,
    Task,
    ValueTask,
    VoidTask,
    VoidValueTask,
}
