using Loom.Node;

namespace Loom.Worker;

/// <summary>
/// What every call of one remote function shares: its body, options and resource shape (checked
/// against the node once). Remote functions of every arity submit through it.
/// </summary>
internal sealed class TaskTemplate
{
    private readonly string? _infeasible;

    public TaskTemplate(CoreRuntime runtime, TaskBody body, TaskOptions options)
    {
        Runtime = runtime;
        Body = body.WithIsolation(options.Isolation ?? runtime.Options.DefaultIsolation);
        Options = options;
        Name = options.Name ?? body.DefaultName;
        Shape = ResourceShape.From(options.Cpus, options.Gpus, options.MemoryBytes, options.CustomResources, $"Task '{Name}'");
        _infeasible = runtime.Scheduler.Pool.Infeasibility(Shape);
    }

    public CoreRuntime Runtime { get; }

    public TaskBody Body { get; }

    public TaskOptions Options { get; }

    public string Name { get; }

    public ResourceShape Shape { get; }

    /// <summary>Where submissions go; set by <see cref="Submit{TResult}"/> before the task is created.</summary>
    public Scheduling.IWorkPlacement? Placement { get; private set; }

    public TaskTemplate With(TaskOptions options) => new(Runtime, Body, options);

    public TaskArg Arg<T>(in Arg<T> arg) =>
        arg.Reference is { } reference ? CoreRuntime.ArgFromRef(reference) : new TaskArg(Runtime.Serializer.Serialize(arg.Value));

    public ObjectRef<TResult> Submit<TResult>(TaskArg[] args)
    {
        if (_infeasible is not null)
        {
            foreach (var arg in args)
            {
                arg.Release();
            }

            throw Runtime.Infeasible($"Task '{Name}'", Shape, _infeasible);
        }

        if (Placement is not LocalScheduler)
        {
            try
            {
                Placement = Scheduling.PlacementResolver.Resolve(Runtime, Options.SchedulingStrategy, Shape, $"Task '{Name}'");
            }
            catch
            {
                foreach (var arg in args)
                {
                    arg.Release();
                }

                throw;
            }
        }

        return Runtime.Submit<TResult>(this, args);
    }
}
