namespace Loom;

/// <summary>Runs remote functions of every arity in a separate worker process.</summary>
public static class RemoteFunctionIsolationExtensions
{
    /// <summary>A copy of <paramref name="function"/> that runs in the given place.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="isolation">Where it runs (default: a separate worker process).</param>
    public static RemoteFunction<TResult> WithIsolation<TResult>(this RemoteFunction<TResult> function, IsolationMode isolation = IsolationMode.Process) =>
        (function ?? throw new ArgumentNullException(nameof(function))).WithOptions(function.Options with { Isolation = isolation });

    /// <summary>A copy of <paramref name="function"/> that runs in the given place.</summary>
    /// <typeparam name="T1">Parameter 1's type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="isolation">Where it runs (default: a separate worker process).</param>
    public static RemoteFunction<T1, TResult> WithIsolation<T1, TResult>(this RemoteFunction<T1, TResult> function, IsolationMode isolation = IsolationMode.Process) =>
        (function ?? throw new ArgumentNullException(nameof(function))).WithOptions(function.Options with { Isolation = isolation });

    /// <summary>A copy of <paramref name="function"/> that runs in the given place.</summary>
    /// <typeparam name="T1">Parameter 1's type.</typeparam>
    /// <typeparam name="T2">Parameter 2's type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="isolation">Where it runs (default: a separate worker process).</param>
    public static RemoteFunction<T1, T2, TResult> WithIsolation<T1, T2, TResult>(this RemoteFunction<T1, T2, TResult> function, IsolationMode isolation = IsolationMode.Process) =>
        (function ?? throw new ArgumentNullException(nameof(function))).WithOptions(function.Options with { Isolation = isolation });

    /// <summary>A copy of <paramref name="function"/> that runs in the given place.</summary>
    /// <typeparam name="T1">Parameter 1's type.</typeparam>
    /// <typeparam name="T2">Parameter 2's type.</typeparam>
    /// <typeparam name="T3">Parameter 3's type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="isolation">Where it runs (default: a separate worker process).</param>
    public static RemoteFunction<T1, T2, T3, TResult> WithIsolation<T1, T2, T3, TResult>(this RemoteFunction<T1, T2, T3, TResult> function, IsolationMode isolation = IsolationMode.Process) =>
        (function ?? throw new ArgumentNullException(nameof(function))).WithOptions(function.Options with { Isolation = isolation });

    /// <summary>A copy of <paramref name="function"/> that runs in the given place.</summary>
    /// <typeparam name="T1">Parameter 1's type.</typeparam>
    /// <typeparam name="T2">Parameter 2's type.</typeparam>
    /// <typeparam name="T3">Parameter 3's type.</typeparam>
    /// <typeparam name="T4">Parameter 4's type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="isolation">Where it runs (default: a separate worker process).</param>
    public static RemoteFunction<T1, T2, T3, T4, TResult> WithIsolation<T1, T2, T3, T4, TResult>(this RemoteFunction<T1, T2, T3, T4, TResult> function, IsolationMode isolation = IsolationMode.Process) =>
        (function ?? throw new ArgumentNullException(nameof(function))).WithOptions(function.Options with { Isolation = isolation });

    /// <summary>A copy of <paramref name="function"/> that runs in the given place.</summary>
    /// <typeparam name="T1">Parameter 1's type.</typeparam>
    /// <typeparam name="T2">Parameter 2's type.</typeparam>
    /// <typeparam name="T3">Parameter 3's type.</typeparam>
    /// <typeparam name="T4">Parameter 4's type.</typeparam>
    /// <typeparam name="T5">Parameter 5's type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="isolation">Where it runs (default: a separate worker process).</param>
    public static RemoteFunction<T1, T2, T3, T4, T5, TResult> WithIsolation<T1, T2, T3, T4, T5, TResult>(this RemoteFunction<T1, T2, T3, T4, T5, TResult> function, IsolationMode isolation = IsolationMode.Process) =>
        (function ?? throw new ArgumentNullException(nameof(function))).WithOptions(function.Options with { Isolation = isolation });

    /// <summary>A copy of <paramref name="function"/> that runs in the given place.</summary>
    /// <typeparam name="T1">Parameter 1's type.</typeparam>
    /// <typeparam name="T2">Parameter 2's type.</typeparam>
    /// <typeparam name="T3">Parameter 3's type.</typeparam>
    /// <typeparam name="T4">Parameter 4's type.</typeparam>
    /// <typeparam name="T5">Parameter 5's type.</typeparam>
    /// <typeparam name="T6">Parameter 6's type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function.</param>
    /// <param name="isolation">Where it runs (default: a separate worker process).</param>
    public static RemoteFunction<T1, T2, T3, T4, T5, T6, TResult> WithIsolation<T1, T2, T3, T4, T5, T6, TResult>(this RemoteFunction<T1, T2, T3, T4, T5, T6, TResult> function, IsolationMode isolation = IsolationMode.Process) =>
        (function ?? throw new ArgumentNullException(nameof(function))).WithOptions(function.Options with { Isolation = isolation });
}
