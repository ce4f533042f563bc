using System.ComponentModel;
using System.Globalization;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components.Builtins;

public static partial class Dist
{
    /// <summary>
    /// A DDP-style app: one role of N replicas, each running <c>torchrun</c> with M workers, meeting
    /// through a c10d rendezvous on the rank-0 replica (on one node: <c>localhost:0</c>).
    /// </summary>
    /// <param name="script">The script to run.</param>
    /// <param name="m">The Python module to run.</param>
    /// <param name="image">The image to run in.</param>
    /// <param name="name">The app's name; the script or module name when not given.</param>
    /// <param name="h">A named resource; takes precedence over cpu, gpu and memMB.</param>
    /// <param name="cpu">CPUs per replica.</param>
    /// <param name="gpu">GPUs per replica.</param>
    /// <param name="memMB">Memory per replica in MiB.</param>
    /// <param name="j">The topology, <c>[min:]NxM</c>: nodes (optionally elastic from min) by workers per node.</param>
    /// <param name="env">Environment variables.</param>
    /// <param name="maxRetries">How many times a failure is retried.</param>
    /// <param name="rdzvPort">The rendezvous port on the rank-0 replica.</param>
    /// <param name="rdzvBackend">The rendezvous backend (only matters with more than one node).</param>
    /// <param name="scriptArgs">Arguments for the script or module.</param>
    /// <returns>The app.</returns>
    /// <exception cref="ArgumentException">Not exactly one of script and m is given, or j is malformed.</exception>
    [Description("Distributed data parallel app (one role, N replicas) run with torchrun: -j [min:]NxM --script main.py")]
    public static AppDef Ddp(
        [Description("script or binary to run")] string? script = null,
        [Description("the python module path to run")] string? m = null,
        [Description("image to run in")] string image = Utils.DefaultImage,
        [Description("job name override (uses the script name if not given)")] string? name = null,
        [Description("a named resource (takes precedence over cpu, gpu, memMB)")] string? h = null,
        [Description("number of cpus per replica")] int cpu = 2,
        [Description("number of gpus per replica")] int gpu = 0,
        [Description("cpu memory in MB per replica")] int memMB = 1024,
        [Description("[{min_nnodes}:]{nnodes}x{nproc_per_node}; for gpu hosts nproc_per_node must not exceed the gpus")] string j = "1x2",
        [Description("environment variables (e.g. ENV1=v1,ENV2=v2)")] IReadOnlyDictionary<string, string>? env = null,
        [Description("the number of times a failure is retried")] int maxRetries = 0,
        [Description("the port on rank0's host for the rendezvous")] int rdzvPort = 29500,
        [Description("rendezvous backend (only matters when nnodes > 1)")] string rdzvBackend = "c10d",
        [Description("arguments to the script or module")] params string[] scriptArgs)
    {
        if ((script is null) == (m is null))
        {
            throw new ArgumentException("exactly one of --script and -m must be given");
        }

        var (minNodes, maxNodes, nprocPerNode) = ParseTopology(j);
        var roleName = script is not null ? Path.GetFileNameWithoutExtension(script) : m![(m!.LastIndexOf('.') + 1)..];
        var inv = CultureInfo.InvariantCulture;
        string endpoint;
        if (maxNodes == 1)
        {
            rdzvBackend = "c10d";
            endpoint = "localhost:0";
        }
        else
        {
            endpoint = "$${" + MacroValues.Rank0EnvMacro + "}:" + rdzvPort.ToString(inv);
        }

        var nnodes = minNodes == maxNodes ? maxNodes.ToString(inv) : $"{minNodes.ToString(inv)}:{maxNodes.ToString(inv)}";
        var words = new List<string>
        {
            "torchrun", "--rdzv_backend", rdzvBackend, "--rdzv_endpoint", endpoint, "--rdzv_id", MacroValues.AppIdMacro,
            "--nnodes", nnodes, "--nproc_per_node", nprocPerNode.ToString(inv),
        };
        words.AddRange(script is not null ? [script] : ["-m", m!]);
        words.AddRange(scriptArgs);
        var command = string.Join(' ', words.Select(w => w == endpoint ? w : BuiltinHelpers.Quote(w)));

        var environment = new Dictionary<string, string>(env ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        environment.TryAdd("LOGLEVEL", "INFO");
        return new AppDef
        {
            Name = name ?? roleName,
            Roles =
            [
                new Role
                {
                    Name = roleName,
                    Image = image,
                    Entrypoint = "bash",
                    Args = ["-c", command],
                    NumReplicas = maxNodes,
                    MinReplicas = minNodes == maxNodes ? null : minNodes,
                    MaxRetries = maxRetries,
                    Resource = BuiltinHelpers.Resource(cpu, gpu, memMB, h),
                    Env = environment,
                    PortMap = new Dictionary<string, int> { ["c10d"] = rdzvPort },
                },
            ],
        };
    }

    private static (int Min, int Max, int NprocPerNode) ParseTopology(string j)
    {
        var inv = CultureInfo.InvariantCulture;
        bool Num(string s, out int v) => int.TryParse(s, System.Globalization.NumberStyles.None, inv, out v) && v > 0;
        var parts = j.Split('x');
        int min, max, nproc;
        if (parts.Length == 1 && Num(parts[0], out nproc))
        {
            return (1, 1, nproc);
        }

        if (parts.Length == 2 && Num(parts[1], out nproc))
        {
            var nodes = parts[0].Split(':');
            if (nodes.Length == 1 && Num(nodes[0], out max))
            {
                return (max, max, nproc);
            }

            if (nodes.Length == 2 && Num(nodes[0], out min) && Num(nodes[1], out max) && min <= max)
            {
                return (min, max, nproc);
            }
        }

        throw new ArgumentException($"-j must be [min:]NxM with positive whole numbers and min <= N, for example 2x4 or 1:2x4; got \"{j}\"");
    }
}
