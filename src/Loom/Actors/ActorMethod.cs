using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Loom.Serialization;

namespace Loom.Actors;

/// <summary>
/// A method of an actor class, prepared once: a compiled invoker and the codecs of its parameters.
/// Calls are written as expressions (<c>x =&gt; x.Increment(5)</c>); this turns one into the method and its argument values.
/// </summary>
internal sealed class ActorMethod
{
    private static readonly ConcurrentDictionary<MethodInfo, ActorMethod> Cache = new();

    private ActorMethod(MethodInfo method)
    {
        Method = method;
        Name = $"{method.DeclaringType?.Name}.{method.Name}";
        Parameters = [.. method.GetParameters().Select(p => BoxedCodec.For(p.ParameterType))];
        Invoker = Compile(method);
    }

    public MethodInfo Method { get; }

    public string Name { get; }

    public BoxedCodec[] Parameters { get; }

    public Func<object, object?[], object?> Invoker { get; }

    /// <summary>Reads a call expression: the method and its argument expressions.</summary>
    public static (ActorMethod Method, IReadOnlyList<Expression> Arguments) Parse(LambdaExpression call, Type actorType)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = call.Body is UnaryExpression { NodeType: ExpressionType.Convert } converted ? converted.Operand : call.Body;
        if (body is not MethodCallExpression invocation || !IsParameter(invocation.Object, call.Parameters[0]))
        {
            throw new ArgumentException(
                $"An actor call must call one of {actorType.Name}'s methods on the lambda's parameter, like x => x.Increment(5); '{call.Body}' is not such a call.",
                nameof(call));
        }

        return (Cache.GetOrAdd(invocation.Method, static m => new ActorMethod(m)), invocation.Arguments);
    }

    private static bool IsParameter(Expression? expression, ParameterExpression parameter) =>
        expression == parameter
        || (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Operand == parameter);

    private static Func<object, object?[], object?> Compile(MethodInfo method)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var arguments = parameters.Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(target, method.DeclaringType!), method, arguments);
        call = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(null))
            : Expression.Convert(call, typeof(object));
        return Expression.Lambda<Func<object, object?[], object?>>(call, target, args).Compile();
    }
}
