using System.ComponentModel;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components.Builtins;

public static partial class Dist
{
    /// <summary>An SPMD app (same program on every process): <see cref="Ddp"/> with a gpu.small host and one process by default.</summary>
    /// <param name="script">The script to run.</param>
    /// <param name="m">The Python module to run.</param>
    /// <param name="image">The image to run in.</param>
    /// <param name="name">The app's name; the script or module name when not given.</param>
    /// <param name="h">A named resource per replica.</param>
    /// <param name="j">The topology, <c>[min:]NxM</c>.</param>
    /// <param name="env">Environment variables.</param>
    /// <param name="maxRetries">How many times a failure is retried.</param>
    /// <param name="args">Arguments for the script or module.</param>
    /// <returns>The app.</returns>
    /// <exception cref="ArgumentException">Not exactly one of script and m is given, or j is malformed.</exception>
    [Description("Single program, multiple data app run with torchrun (dist.ddp on gpu.small hosts): -j [min:]NxM --script main.py")]
    public static AppDef Spmd(
        [Description("script or binary to run")] string? script = null,
        [Description("the python module path to run")] string? m = null,
        [Description("image to run in")] string image = Utils.DefaultImage,
        [Description("job name override (uses the script name if not given)")] string? name = null,
        [Description("a named resource per replica")] string h = "gpu.small",
        [Description("[{min_nnodes}:]{nnodes}x{nproc_per_node}")] string j = "1x1",
        [Description("environment variables (e.g. ENV1=v1,ENV2=v2)")] IReadOnlyDictionary<string, string>? env = null,
        [Description("the number of times a failure is retried")] int maxRetries = 0,
        [Description("arguments to the script or module")] params string[] args) =>
        Ddp(script: script, m: m, image: image, name: name, h: h, j: j, env: env, maxRetries: maxRetries, scriptArgs: args);
}
