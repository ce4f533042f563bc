using Loom.Actors;
using Loom.Node;
using Loom.Worker;

namespace Loom.PlacementGroups;

/// <summary>
/// A placement group on this node: its bundles, its reservation in the node's scheduler, the work
/// submitted before it was created, and its actors (killed when it is removed).
/// </summary>
internal sealed class PlacementGroupInstance
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ActorInstance> _actors = [];
    private List<(ScheduledWork Work, int BundleIndex)>? _deferred = [];
    private PlacementGroupReservation? _reservation;
    private volatile PlacementGroupState _state = PlacementGroupState.Pending;

    public PlacementGroupInstance(CoreRuntime runtime, PlacementGroupId id, string? name, PlacementStrategy strategy, Bundle[] bundles, BundleSlot[] slots)
    {
        Runtime = runtime;
        Id = id;
        Name = name;
        Strategy = strategy;
        Bundles = bundles;
        Slots = slots;
        DisplayName = name ?? id.ToString();
        Handle = new PlacementGroup(this);
    }

    public CoreRuntime Runtime { get; }

    public PlacementGroupId Id { get; }

    public string? Name { get; }

    public string DisplayName { get; }

    public PlacementStrategy Strategy { get; }

    public IReadOnlyList<Bundle> Bundles { get; }

    public BundleSlot[] Slots { get; }

    public PlacementGroup Handle { get; }

    public PlacementGroupState State => _state;

    public string Request => string.Join("; ", Slots.Select(slot => $"{slot.Index}: {slot.Shape}"));

    /// <summary>Queues the reservation of all bundles in the node's scheduler.</summary>
    public void Start(ResourceShape total)
    {
        _reservation = new PlacementGroupReservation(this, total);
        Runtime.Scheduler.Submit(_reservation);
    }

    public Task ReadyAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _ready.Task.IsCompletedSuccessfully && _ready.Task.Result ? Task.CompletedTask : WaitReadyAsync(timeout, cancellationToken);

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool created;
        try
        {
            created = await _ready.Task.WaitAsync(timeout, Runtime.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new PlacementGroupTimeoutException(DisplayName, timeout, Request);
        }

        if (!created)
        {
            throw new PlacementGroupRemovedException($"Placement group '{DisplayName}' was removed before all its bundles were reserved, so it will never be ready.");
        }
    }

    /// <summary>Called by the reservation once every bundle is held: starts the bundles and the work that waited.</summary>
    public void OnReserved(ResourceAllocation[] reserved)
    {
        List<(ScheduledWork Work, int BundleIndex)>? deferred;
        lock (_gate)
        {
            if (_state == PlacementGroupState.Removed)
            {
                deferred = null;
            }
            else
            {
                for (var i = 0; i < Slots.Length; i++)
                {
                    Slots[i].Activate(reserved[i], Runtime.Scheduler);
                }

                _state = PlacementGroupState.Created;
                deferred = _deferred;
                _deferred = null;
            }
        }

        if (deferred is null)
        {
            foreach (var allocation in reserved)
            {
                Runtime.Scheduler.Release(allocation);
            }

            return;
        }

        _ready.TrySetResult(true);
        foreach (var (work, index) in deferred)
        {
            Route(work, index);
        }
    }

    /// <summary>Schedules work in bundle <paramref name="bundleIndex"/> (-1: any); holds it while the group is pending.</summary>
    public void Submit(ScheduledWork work, int bundleIndex)
    {
        lock (_gate)
        {
            if (_state == PlacementGroupState.Pending)
            {
                _deferred!.Add((work, bundleIndex));
                return;
            }
        }

        if (_state == PlacementGroupState.Removed)
        {
            work.Abort(RemovedReason);
            return;
        }

        Route(work, bundleIndex);
    }

    /// <summary>Remembers an actor created in the group, to kill it when the group is removed.</summary>
    public void Track(ActorInstance actor)
    {
        lock (_gate)
        {
            if (_state != PlacementGroupState.Removed)
            {
                if (_actors.Count >= 64)
                {
                    _actors.RemoveAll(a => a.State == ActorState.Dead);
                }

                _actors.Add(actor);
                return;
            }
        }

        actor.Die(actor.DeathError(RemovedReason, null));
    }

    private string RemovedReason => $"its placement group '{DisplayName}' was removed";

    /// <summary>Removes the group (idempotent).</summary>
    public void Remove(string? reason = null)
    {
        PlacementGroupState previous;
        List<(ScheduledWork Work, int BundleIndex)>? deferred;
        ActorInstance[] actors;
        lock (_gate)
        {
            previous = _state;
            if (previous == PlacementGroupState.Removed)
            {
                return;
            }

            _state = PlacementGroupState.Removed;
            deferred = _deferred;
            _deferred = null;
            actors = [.. _actors];
            _actors.Clear();
        }

        reason ??= RemovedReason;
        Runtime.PlacementGroups.Forget(this);
        _ready.TrySetResult(false);
        if (previous == PlacementGroupState.Pending)
        {
            _reservation?.Cancel();
            Runtime.Scheduler.Poke();
        }
        else
        {
            foreach (var slot in Slots)
            {
                slot.Scheduler!.Stop(reason);
            }
        }

        foreach (var (work, _) in deferred ?? [])
        {
            work.Abort(reason);
        }

        foreach (var actor in actors)
        {
            actor.Die(actor.DeathError(reason, null));
        }
    }

    private void Route(ScheduledWork work, int bundleIndex)
    {
        if (bundleIndex >= 0)
        {
            Slots[bundleIndex].Scheduler!.Submit(work);
            return;
        }

        // Any bundle: the first that can start it now, else the one with the shortest queue.
        BundleSlot? shortest = null;
        foreach (var slot in Slots)
        {
            if (slot.Totals.Infeasibility(work.Shape) is not null)
            {
                continue;
            }

            if (slot.Scheduler!.TrySubmitNow(work))
            {
                return;
            }

            if (shortest is null || slot.Scheduler.QueuedCount < shortest.Scheduler!.QueuedCount)
            {
                shortest = slot;
            }
        }

        (shortest ?? Slots[0]).Scheduler!.Submit(work);
    }
}
