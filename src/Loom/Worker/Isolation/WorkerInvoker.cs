using System.Reflection;
using System.Runtime.CompilerServices;
using Loom.ObjectStore;
using Loom.Serialization;

namespace Loom.Worker.Isolation;

/// <summary>
/// Runs requests inside a worker process: deserializes the arguments with the method's parameter
/// types, invokes the method (awaiting a returned task), and serializes the result or the error.
/// A worker process holds at most one actor, built by a <see cref="WorkerRequestKind.CreateActor"/> request.
/// </summary>
internal sealed class WorkerInvoker
{
    private readonly ObjectSerializer _serializer = new(runtime: null, userResolver: null, new LargeBufferPool(64L << 20));
    private readonly WorkerCodeLoader _loader = new();
    private object? _actor;

    public async Task<WorkerReply> HandleAsync(WorkerRequest request)
    {
        try
        {
            var method = _loader.Resolve(request.Method);
            var parameters = method.GetParameters();
            if (parameters.Length != request.Arguments.Length)
            {
                throw new TargetParameterCountException($"'{request.Method.DisplayName}' takes {parameters.Length} arguments, the request has {request.Arguments.Length}.");
            }

            var values = new object?[parameters.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BoxedCodec.For(parameters[i].ParameterType).Deserialize(_serializer, request.Arguments[i]);
            }

            if (request.Kind == WorkerRequestKind.CreateActor)
            {
                _actor = Invoke(method, null, values) ?? throw new InvalidOperationException($"The factory {request.Method.DisplayName} returned null.");
                return new WorkerReply(request.CallId, _serializer.Serialize(Unit.Value), null);
            }

            var target = request.Kind == WorkerRequestKind.CallActor
                ? _actor ?? throw new InvalidOperationException("The worker process holds no actor.")
                : method.IsStatic ? null : RuntimeHelpers.GetUninitializedObject(method.DeclaringType!);
            var returnType = ((MethodInfo)method).ReturnType;
            var (value, type) = await UnwrapAsync(Invoke(method, target, values), returnType).ConfigureAwait(false);
            return new WorkerReply(request.CallId, BoxedCodec.For(type).Serialize(_serializer, value), null);
        }
        catch (Exception exception)
        {
            return new WorkerReply(request.CallId, null, ErrorInfo.FromException(request.TaskName, exception));
        }
    }

    private static object? Invoke(MethodBase method, object? target, object?[] values)
    {
        try
        {
            return method is ConstructorInfo constructor ? constructor.Invoke(values) : method.Invoke(target, values);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(invocation.InnerException);
            throw;
        }
    }

    /// <summary>The value to send back and its static type: awaited for tasks, <see cref="Unit"/> for no value.</summary>
    private static async Task<(object? Value, Type Type)> UnwrapAsync(object? returned, Type returnType)
    {
        if (returnType == typeof(void))
        {
            return (Unit.Value, typeof(Unit));
        }

        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            var task = returned is ValueTask valueTask ? valueTask.AsTask() : (Task)returned!;
            await task.ConfigureAwait(false);
            return (Unit.Value, typeof(Unit));
        }

        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            var resultType = returnType.GetGenericArguments()[0];
            var task = returnType.GetGenericTypeDefinition() == typeof(Task<>)
                ? (Task)returned!
                : (Task)returnType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
            await task.ConfigureAwait(false);
            return (typeof(Task<>).MakeGenericType(resultType).GetProperty(nameof(Task<int>.Result))!.GetValue(task), resultType);
        }

        return (returned, returnType);
    }
}
