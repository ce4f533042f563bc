using System.Reflection;

namespace Loom.Serialization;

/// <summary>
/// Rejects, once per type, values that cannot be copied as data: delegates, pointers, reflection
/// objects, streams, tasks, threads and handles, and types whose public members hold one of them.
/// </summary>
/// <typeparam name="T">The declared type of the value.</typeparam>
internal static class SerializabilityCheck<T>
{
    private static readonly string? Problem = Find(typeof(T), depth: 0, []);

    public static void ThrowIfUnsupported()
    {
        if (Problem is not null)
        {
            throw new LoomSerializationException(typeof(T), Problem, null);
        }
    }

    private static string? Find(Type type, int depth, HashSet<Type> seen)
    {
        if (depth > 6 || !seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum)
        {
            return null;
        }

        if (Unsupported(type) is { } reason)
        {
            return reason;
        }

        if (type.IsArray)
        {
            return Find(type.GetElementType()!, depth + 1, seen);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(ObjectRef<>) || definition == typeof(ActorHandle<>)))
        {
            return null;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                if (Find(argument, depth + 1, seen) is { } nested)
                {
                    return nested;
                }
            }

            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return null;
            }
        }

        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return null;
        }

        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public;
        foreach (var field in type.GetFields(Instance))
        {
            if (Find(field.FieldType, depth + 1, seen) is { } nested)
            {
                return $"its field '{field.Name}' holds {nested}";
            }
        }

        foreach (var property in type.GetProperties(Instance))
        {
            if (property.GetIndexParameters().Length == 0 && Find(property.PropertyType, depth + 1, seen) is { } nested)
            {
                return $"its property '{property.Name}' holds {nested}";
            }
        }

        return null;
    }

    private static string? Unsupported(Type type)
    {
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return $"a delegate ({type.Name}), which is code, not data";
        }

        if (type.IsPointer || type == typeof(IntPtr) || type == typeof(UIntPtr) || typeof(System.Runtime.InteropServices.SafeHandle).IsAssignableFrom(type))
        {
            return $"a pointer or handle ({type.Name}), which means nothing in another process";
        }

        if (typeof(MemberInfo).IsAssignableFrom(type) || typeof(Stream).IsAssignableFrom(type)
            || typeof(Task).IsAssignableFrom(type) || type == typeof(Thread) || type == typeof(CancellationToken)
            || typeof(WaitHandle).IsAssignableFrom(type))
        {
            return $"a {type.Name}, which is live state, not data";
        }

        return null;
    }
}
