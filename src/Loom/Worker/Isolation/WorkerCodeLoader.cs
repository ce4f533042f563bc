using System.Collections.Concurrent;
using System.Reflection;

namespace Loom.Worker.Isolation;

/// <summary>Finds the methods a worker process is asked to run: one load context per assembly file, methods by token.</summary>
internal sealed class WorkerCodeLoader
{
    private readonly ConcurrentDictionary<string, Assembly> _assemblies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Path, int Token), MethodBase> _methods = new();

    public MethodBase Resolve(MethodRef method) =>
        _methods.GetOrAdd((method.AssemblyPath, method.Token), static (key, self) => self.Load(key.Path, key.Token), this);

    private MethodBase Load(string path, int token)
    {
        var assembly = _assemblies.GetOrAdd(path, static p =>
        {
            if (!File.Exists(p))
            {
                throw new FileNotFoundException($"The worker process cannot find the assembly '{p}'; worker processes load code from the files the node loaded it from.", p);
            }

            var name = AssemblyName.GetAssemblyName(p);
            return IsolatedLoadContext.IsShared(name) ? Assembly.Load(name) : new IsolatedLoadContext(p).LoadFromAssemblyPath(p);
        });
        return assembly.ManifestModule.ResolveMethod(token)
            ?? throw new MissingMethodException($"No method has token 0x{token:x8} in '{path}'.");
    }
}
