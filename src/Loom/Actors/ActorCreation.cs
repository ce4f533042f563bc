using Loom.Node;
using Loom.ObjectStore;

namespace Loom.Actors;

/// <summary>The scheduled work that builds an actor once its lifetime resources are granted.</summary>
internal sealed class ActorCreation : ScheduledWork
{
    private readonly ActorInstance _actor;

    public ActorCreation(ActorInstance actor)
        : base(actor.Shape)
    {
        _actor = actor;
    }

    public ActorInstance Actor => _actor;

    public override void Execute()
    {
        if (_actor.State == ActorState.Dead)
        {
            _actor.Runtime.Scheduler.Release(Allocation);
            return;
        }

        if (IsolatedActor.Applies(_actor))
        {
            IsolatedActor.Start(_actor, Allocation);
            return;
        }

        var runtime = _actor.Runtime;
        var previous = LoomContext.Swap(new LoomContext(runtime, runtime.NextTaskId(), $"{_actor.DisplayName}.ctor", _actor.Id, Allocation, lendsCpuWhileWaiting: false));
        try
        {
            _actor.OnCreated(_actor.Factory.Create(runtime.Serializer), Allocation);
        }
        catch (Exception exception)
        {
            var cause = ErrorInfo.FromException($"{_actor.DisplayName}.ctor", exception);
            runtime.Scheduler.Release(Allocation);
            _actor.Die(_actor.DeathError($"its constructor threw {cause.ExceptionType}: {cause.Message}", cause));
        }
        finally
        {
            LoomContext.Swap(previous);
        }
    }

    public override void Abort(string reason)
    {
        _actor.Die(_actor.DeathError(reason, null));
    }
}
