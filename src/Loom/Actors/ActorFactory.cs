using System.Linq.Expressions;
using System.Reflection;
using Loom.Serialization;

namespace Loom.Actors;

/// <summary>
/// How to build an actor: a constructor or static factory method and its arguments, evaluated at
/// creation time and serialized, so the actor is built from copies (on this node or another).
/// </summary>
internal sealed class ActorFactory
{
    private ActorFactory(Type actorType, MethodBase method, SerializedObject[] arguments)
    {
        ActorType = actorType;
        Method = method;
        Arguments = arguments;
    }

    public Type ActorType { get; }

    public MethodBase Method { get; }

    public SerializedObject[] Arguments { get; }

    public static ActorFactory From<T>(Expression<Func<T>> constructor, ObjectSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(constructor);
        var (method, arguments) = constructor.Body switch
        {
            NewExpression { Constructor: { } ctor } created => ((MethodBase)ctor, created.Arguments),
            MethodCallExpression { Object: null } factory => (factory.Method, factory.Arguments),
            _ => throw new ArgumentException(
                $"An actor is created from a constructor call or a static factory call, like () => new {typeof(T).Name}(10); '{constructor.Body}' is neither. Move property initializers into the constructor.",
                nameof(constructor)),
        };

        var parameters = method.GetParameters();
        var serialized = new SerializedObject[arguments.Count];
        for (var i = 0; i < serialized.Length; i++)
        {
            serialized[i] = BoxedCodec.For(parameters[i].ParameterType).Serialize(serializer, ArgumentEvaluator.Evaluate(arguments[i]));
        }

        return new ActorFactory(typeof(T), method, serialized);
    }

    /// <summary>Builds the actor from fresh copies of the arguments.</summary>
    public object Create(ObjectSerializer serializer)
    {
        var parameters = Method.GetParameters();
        var values = new object?[Arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BoxedCodec.For(parameters[i].ParameterType).Deserialize(serializer, Arguments[i]);
        }

        try
        {
            return Method is ConstructorInfo ctor ? ctor.Invoke(values) : Method.Invoke(null, values)
                ?? throw new InvalidOperationException($"The factory {Method.DeclaringType?.Name}.{Method.Name} returned null.");
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(invocation.InnerException);
            throw;
        }
    }

    public void Release()
    {
        foreach (var argument in Arguments)
        {
            argument.ReleaseContainedRefs();
        }
    }
}
