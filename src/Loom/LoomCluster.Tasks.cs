using System.Runtime.CompilerServices;
using Loom.Worker;

namespace Loom;

/// <content>
/// Turning functions into remote functions (0 to 6 parameters; synchronous or async). An async lambda
/// fits both the Task and the ValueTask overloads; the Task ones are preferred, as C# gives async lambdas Task types.
/// </content>
public sealed partial class LoomCluster
{
    /// <summary>Makes a remote function from a synchronous function: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<TResult> Task<TResult>(Func<TResult> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<TResult>(function, () => new ValueTask<TResult>(function()))));
    }

    /// <summary>Makes a remote function from an async function returning a Task; the task is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    [OverloadResolutionPriority(1)]
    public RemoteFunction<TResult> Task<TResult>(Func<System.Threading.Tasks.Task<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<TResult>(function, () => new ValueTask<TResult>(function()))));
    }

    /// <summary>Makes a remote function from an async function returning a ValueTask; it is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<TResult> Task<TResult>(Func<ValueTask<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<TResult>(function, function)));
    }

    /// <summary>Makes a remote function from a synchronous function: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, TResult> Task<T1, TResult>(Func<T1, TResult> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, TResult>(function, a1 => new ValueTask<TResult>(function(a1)))));
    }

    /// <summary>Makes a remote function from an async function returning a Task; the task is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    [OverloadResolutionPriority(1)]
    public RemoteFunction<T1, TResult> Task<T1, TResult>(Func<T1, System.Threading.Tasks.Task<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, TResult>(function, a1 => new ValueTask<TResult>(function(a1)))));
    }

    /// <summary>Makes a remote function from an async function returning a ValueTask; it is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, TResult> Task<T1, TResult>(Func<T1, ValueTask<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, TResult>(function, function)));
    }

    /// <summary>Makes a remote function from a synchronous function: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, TResult> Task<T1, T2, TResult>(Func<T1, T2, TResult> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, TResult>(function, (a1, a2) => new ValueTask<TResult>(function(a1, a2)))));
    }

    /// <summary>Makes a remote function from an async function returning a Task; the task is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    [OverloadResolutionPriority(1)]
    public RemoteFunction<T1, T2, TResult> Task<T1, T2, TResult>(Func<T1, T2, System.Threading.Tasks.Task<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, TResult>(function, (a1, a2) => new ValueTask<TResult>(function(a1, a2)))));
    }

    /// <summary>Makes a remote function from an async function returning a ValueTask; it is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, TResult> Task<T1, T2, TResult>(Func<T1, T2, ValueTask<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, TResult>(function, function)));
    }

    /// <summary>Makes a remote function from a synchronous function: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, T3, TResult> Task<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, TResult>(function, (a1, a2, a3) => new ValueTask<TResult>(function(a1, a2, a3)))));
    }

    /// <summary>Makes a remote function from an async function returning a Task; the task is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    [OverloadResolutionPriority(1)]
    public RemoteFunction<T1, T2, T3, TResult> Task<T1, T2, T3, TResult>(Func<T1, T2, T3, System.Threading.Tasks.Task<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, TResult>(function, (a1, a2, a3) => new ValueTask<TResult>(function(a1, a2, a3)))));
    }

    /// <summary>Makes a remote function from an async function returning a ValueTask; it is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, T3, TResult> Task<T1, T2, T3, TResult>(Func<T1, T2, T3, ValueTask<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, TResult>(function, function)));
    }

    /// <summary>Makes a remote function from a synchronous function: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, T3, T4, TResult> Task<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, TResult>(function, (a1, a2, a3, a4) => new ValueTask<TResult>(function(a1, a2, a3, a4)))));
    }

    /// <summary>Makes a remote function from an async function returning a Task; the task is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    [OverloadResolutionPriority(1)]
    public RemoteFunction<T1, T2, T3, T4, TResult> Task<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, System.Threading.Tasks.Task<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, TResult>(function, (a1, a2, a3, a4) => new ValueTask<TResult>(function(a1, a2, a3, a4)))));
    }

    /// <summary>Makes a remote function from an async function returning a ValueTask; it is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, T3, T4, TResult> Task<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, ValueTask<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, TResult>(function, function)));
    }

    /// <summary>Makes a remote function from a synchronous function: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="T5">The type of the fifth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, T3, T4, T5, TResult> Task<T1, T2, T3, T4, T5, TResult>(Func<T1, T2, T3, T4, T5, TResult> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, T5, TResult>(function, (a1, a2, a3, a4, a5) => new ValueTask<TResult>(function(a1, a2, a3, a4, a5)))));
    }

    /// <summary>Makes a remote function from an async function returning a Task; the task is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="T5">The type of the fifth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    [OverloadResolutionPriority(1)]
    public RemoteFunction<T1, T2, T3, T4, T5, TResult> Task<T1, T2, T3, T4, T5, TResult>(Func<T1, T2, T3, T4, T5, System.Threading.Tasks.Task<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, T5, TResult>(function, (a1, a2, a3, a4, a5) => new ValueTask<TResult>(function(a1, a2, a3, a4, a5)))));
    }

    /// <summary>Makes a remote function from an async function returning a ValueTask; it is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="T5">The type of the fifth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, T3, T4, T5, TResult> Task<T1, T2, T3, T4, T5, TResult>(Func<T1, T2, T3, T4, T5, ValueTask<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, T5, TResult>(function, function)));
    }

    /// <summary>Makes a remote function from a synchronous function: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="T5">The type of the fifth parameter.</typeparam>
    /// <typeparam name="T6">The type of the sixth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, T3, T4, T5, T6, TResult> Task<T1, T2, T3, T4, T5, T6, TResult>(Func<T1, T2, T3, T4, T5, T6, TResult> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, T5, T6, TResult>(function, (a1, a2, a3, a4, a5, a6) => new ValueTask<TResult>(function(a1, a2, a3, a4, a5, a6)))));
    }

    /// <summary>Makes a remote function from an async function returning a Task; the task is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="T5">The type of the fifth parameter.</typeparam>
    /// <typeparam name="T6">The type of the sixth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    [OverloadResolutionPriority(1)]
    public RemoteFunction<T1, T2, T3, T4, T5, T6, TResult> Task<T1, T2, T3, T4, T5, T6, TResult>(Func<T1, T2, T3, T4, T5, T6, System.Threading.Tasks.Task<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, T5, T6, TResult>(function, (a1, a2, a3, a4, a5, a6) => new ValueTask<TResult>(function(a1, a2, a3, a4, a5, a6)))));
    }

    /// <summary>Makes a remote function from an async function returning a ValueTask; it is awaited where it runs: a static method or a lambda that captures nothing.</summary>
    /// <typeparam name="T1">The type of the first parameter.</typeparam>
    /// <typeparam name="T2">The type of the second parameter.</typeparam>
    /// <typeparam name="T3">The type of the third parameter.</typeparam>
    /// <typeparam name="T4">The type of the fourth parameter.</typeparam>
    /// <typeparam name="T5">The type of the fifth parameter.</typeparam>
    /// <typeparam name="T6">The type of the sixth parameter.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The function; captured variables are rejected with their names.</param>
    /// <returns>The remote function; submit it with <c>Remote(...)</c>.</returns>
    public RemoteFunction<T1, T2, T3, T4, T5, T6, TResult> Task<T1, T2, T3, T4, T5, T6, TResult>(Func<T1, T2, T3, T4, T5, T6, ValueTask<TResult>> function)
    {
        FunctionValidator.Validate(function);
        return new(Runtime.Template(new FunctionBody<T1, T2, T3, T4, T5, T6, TResult>(function, function)));
    }
}
