namespace Loom;

/// <summary>
/// Which exceptions thrown by a task's own code are retried (within <see cref="TaskOptions.MaxRetries"/>).
/// System failures (the worker process died) are always retried; application exceptions only when
/// this policy says so, because re-running code that threw is only safe when the user knows it is.
/// </summary>
public sealed class ExceptionRetryPolicy
{
    private readonly Type[] _types;
    private readonly bool _all;

    private ExceptionRetryPolicy(bool all, Type[] types)
    {
        _all = all;
        _types = types;
    }

    /// <summary>Application exceptions are not retried (the default, as in Ray).</summary>
    public static ExceptionRetryPolicy None { get; } = new(all: false, []);

    /// <summary>Every application exception is retried.</summary>
    public static ExceptionRetryPolicy All { get; } = new(all: true, []);

    /// <summary>The exception types retried; empty for <see cref="None"/> and <see cref="All"/>.</summary>
    public IReadOnlyList<Type> Types => _types;

    /// <summary>Retries exceptions of the given types and of types derived from them.</summary>
    /// <param name="types">Exception types.</param>
    /// <exception cref="ArgumentException">A type is not an exception type.</exception>
    public static ExceptionRetryPolicy For(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            if (type is null || !typeof(Exception).IsAssignableFrom(type))
            {
                throw new ArgumentException($"'{type?.FullName ?? "null"}' is not an exception type; pass types derived from System.Exception.", nameof(types));
            }
        }

        return new ExceptionRetryPolicy(all: false, [.. types]);
    }

    /// <summary>Whether a failure is retried: by the exception when it is at hand, else by its type's full name.</summary>
    internal bool Matches(Exception? exception, string exceptionType)
    {
        if (_all)
        {
            return true;
        }

        foreach (var type in _types)
        {
            if (exception is not null ? type.IsInstanceOfType(exception) : type.FullName == exceptionType)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => _all ? "all" : _types.Length == 0 ? "none" : string.Join(", ", _types.Select(t => t.Name));
}
