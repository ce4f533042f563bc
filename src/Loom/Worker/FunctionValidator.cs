using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Loom.Worker;

/// <summary>
/// Accepts static methods and lambdas that capture nothing, and rejects everything else at
/// submission, naming the captured variables: a remote function must be code only, so it means the
/// same on every node and its inputs are always explicit (and copied) arguments.
/// </summary>
internal static class FunctionValidator
{
    private static readonly ConcurrentDictionary<(MethodInfo Method, Type? Target), string?> Verdicts = new();

    public static void Validate(Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.HasSingleTarget is false)
        {
            throw new ArgumentException("A remote function must be a single method; a multicast delegate cannot be submitted.", nameof(function));
        }

        var target = function.Target?.GetType();
        var problem = Verdicts.GetOrAdd((function.Method, target), static key => Inspect(key.Method, key.Target));
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(function));
        }
    }

    private static string? Inspect(MethodInfo method, Type? target)
    {
        if (target is null)
        {
            return null;
        }

        var fields = target.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        var compilerGenerated = target.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
        if (compilerGenerated && fields.Length == 0)
        {
            return null;
        }

        if (!compilerGenerated && method.Name.StartsWith('<'))
        {
            // A lambda that uses only 'this' compiles to a method on the enclosing class itself.
            return $"The lambda captures 'this' (a {target.Name}). A remote function cannot capture variables: pass the values it needs as arguments instead (loom.Task((int x, int y) => x + y).Remote(x, y)), or mark the lambda 'static' to have the compiler check it.";
        }

        if (!compilerGenerated)
        {
            return $"'{target.Name}.{method.Name}' is an instance method, so it would carry its object along. Make it static, or put the state in an actor (loom.Actor(() => new {target.Name}(...))).";
        }

        var names = fields.Select(field => field.Name.Contains("__this", StringComparison.Ordinal) ? "this" : field.Name);
        return $"The lambda captures {string.Join(", ", names.Select(name => $"'{name}'"))}. A remote function cannot capture variables: pass them as arguments instead (loom.Task((int x, int y) => x + y).Remote(x, y)), or mark the lambda 'static' to have the compiler check it.";
    }
}
