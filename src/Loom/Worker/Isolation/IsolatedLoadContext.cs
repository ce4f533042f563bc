using System.Reflection;
using System.Runtime.Loader;

namespace Loom.Worker.Isolation;

/// <summary>
/// Loads one user assembly and its dependencies in a worker process, resolved through the
/// assembly's <c>.deps.json</c> (<see cref="AssemblyDependencyResolver"/>). Loom and the assemblies
/// Loom itself uses come from the default context, so user code and the worker share their types.
/// </summary>
internal sealed class IsolatedLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> Shared = SharedNames();
    private readonly AssemblyDependencyResolver _resolver;

    public IsolatedLoadContext(string assemblyPath)
        : base($"loom-worker:{Path.GetFileName(assemblyPath)}")
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
    }

    public static bool IsShared(AssemblyName name) => name.Name is { } simple && Shared.Contains(simple);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static HashSet<string> SharedNames()
    {
        var loom = typeof(IsolatedLoadContext).Assembly;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { loom.GetName().Name! };
        foreach (var reference in loom.GetReferencedAssemblies())
        {
            names.Add(reference.Name!);
        }

        return names;
    }
}
