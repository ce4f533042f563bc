using System.Reflection;

namespace Loom.Worker.Isolation;

/// <summary>
/// How a worker process finds a method: the file of its assembly and its metadata token, which
/// identify it exactly (lambdas included) without names or signatures.
/// </summary>
internal sealed record MethodRef(string AssemblyPath, int Token, string DisplayName)
{
    public static MethodRef From(MethodBase method)
    {
        var display = $"{method.DeclaringType?.FullName}.{method.Name}";
        if (method.IsGenericMethod || method.DeclaringType is { ContainsGenericParameters: true } or { IsGenericType: true })
        {
            throw new NotSupportedException($"'{display}' is generic or belongs to a generic type; isolated worker processes run only non-generic methods for now.");
        }

        var path = method.Module.Assembly.Location;
        if (string.IsNullOrEmpty(path))
        {
            throw new NotSupportedException($"'{display}' lives in an assembly loaded from memory; isolated worker processes load code from assembly files.");
        }

        return new MethodRef(path, method.MetadataToken, display);
    }
}
