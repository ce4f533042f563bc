using Loom.ObjectStore;
using Loom.Serialization;

namespace Loom.Worker.Isolation;

/// <summary>A worker process's answer: the serialized result, or the error the method threw.</summary>
internal sealed record WorkerReply(long CallId, SerializedObject? Value, ErrorInfo? Error);
