using System.Collections.Concurrent;
using Loom.Worker;

namespace Loom.Actors;

/// <summary>The node's actors: by id, and the named ones by namespace and name.</summary>
internal sealed class ActorDirectory
{
    private readonly CoreRuntime _runtime;
    private readonly ConcurrentDictionary<ActorId, ActorInstance> _actors = new();
    private readonly ConcurrentDictionary<(string Namespace, string Name), ActorInstance> _named = new();
    private long _sequence;

    public ActorDirectory(CoreRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>Creates an actor, or returns the live one of that name when the options ask for get-or-create.</summary>
    public ActorInstance Create(ActorFactory factory, ActorOptions options, Node.ResourceShape shape, Scheduling.IWorkPlacement placement)
    {
        _runtime.ThrowIfStopping();
        var actor = new ActorInstance(_runtime, new ActorId((ulong)Interlocked.Increment(ref _sequence)), factory, options, shape);
        if (options.Name is { } name)
        {
            var key = (options.Namespace, name);
            var existing = _named.GetOrAdd(key, actor);
            if (!ReferenceEquals(existing, actor))
            {
                factory.Release();
                return options.GetIfExists
                    ? existing
                    : throw new ArgumentException($"An actor named '{name}' already exists in namespace '{options.Namespace}'. Get it with GetActor, use GetIfExists() for get-or-create, or pick another name.", nameof(options));
            }
        }

        _actors[actor.Id] = actor;
        placement.Submit(new ActorCreation(actor));
        return actor;
    }

    public ActorHandle<T> Get<T>(string actorNamespace, string name)
        where T : class
    {
        if (!_named.TryGetValue((actorNamespace, name), out var actor))
        {
            throw new KeyNotFoundException($"No live actor is named '{name}' in namespace '{actorNamespace}'.");
        }

        return Handle<T>(actor);
    }

    public bool TryGet(ActorId id, out ActorInstance actor) => _actors.TryGetValue(id, out actor!);

    public static ActorHandle<T> Handle<T>(ActorInstance actor)
        where T : class =>
        typeof(T).IsAssignableFrom(actor.Factory.ActorType)
            ? new ActorHandle<T>(actor)
            : throw new InvalidCastException($"The actor '{actor.DisplayName}' is a {actor.Factory.ActorType.Name}, not a {typeof(T).Name}.");

    /// <summary>Frees a dead actor's name; the actor stays known by id so late handles fail clearly.</summary>
    public void Forget(ActorInstance actor)
    {
        if (actor.Options.Name is { } name)
        {
            _named.TryRemove(new KeyValuePair<(string, string), ActorInstance>((actor.Options.Namespace, name), actor));
        }
    }

    public void KillAll(string reason)
    {
        foreach (var actor in _actors.Values)
        {
            if (actor.State != ActorState.Dead)
            {
                actor.Die(actor.DeathError(reason, null));
            }
        }
    }

    public ActorStateCounts Counts()
    {
        int pending = 0, alive = 0, dead = 0;
        foreach (var actor in _actors.Values)
        {
            switch (actor.State)
            {
                case ActorState.Pending:
                    pending++;
                    break;
                case ActorState.Alive:
                    alive++;
                    break;
                default:
                    dead++;
                    break;
            }
        }

        return new ActorStateCounts(pending, alive, dead);
    }
}
