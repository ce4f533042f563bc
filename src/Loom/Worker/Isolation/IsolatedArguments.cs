using Loom.Serialization;

namespace Loom.Worker.Isolation;

/// <summary>Checks arguments bound for a worker process: values only, no ObjectRefs nested inside them (not supported yet).</summary>
internal static class IsolatedArguments
{
    public static SerializedObject[] Resolve(IEnumerable<SerializedObject> arguments, string taskName)
    {
        var resolved = arguments.ToArray();
        for (var i = 0; i < resolved.Length; i++)
        {
            if (resolved[i].ContainedRefs.Length > 0)
            {
                throw new NotSupportedException(
                    $"Argument {i} of '{taskName}' holds ObjectRefs or actor handles inside it; work running in a worker process (IsolationMode.Process) takes plain values only for now. Pass the ref itself as a top-level argument, or run in-process.");
            }
        }

        return resolved;
    }
}
