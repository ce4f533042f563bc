using Loom.Serialization;

namespace Loom.Worker.Isolation;

/// <summary>One request to a worker process: what to run and its serialized arguments.</summary>
internal sealed record WorkerRequest(long CallId, WorkerRequestKind Kind, string TaskName, MethodRef Method, SerializedObject[] Arguments);
