using System.ComponentModel;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components.Builtins;

public static partial class Utils
{
    /// <summary>Runs a Python script, module (<c>-m</c>) or code (<c>-c</c>).</summary>
    /// <param name="m">The module to run.</param>
    /// <param name="c">The code to run.</param>
    /// <param name="script">The script to run.</param>
    /// <param name="image">The image to run in.</param>
    /// <param name="name">The app and role name.</param>
    /// <param name="cpu">CPUs per replica.</param>
    /// <param name="gpu">GPUs per replica.</param>
    /// <param name="memMB">Memory per replica in MiB.</param>
    /// <param name="h">A named resource; takes precedence over cpu, gpu and memMB.</param>
    /// <param name="numReplicas">How many replicas run.</param>
    /// <param name="args">Arguments for the script or module.</param>
    /// <returns>The app.</returns>
    /// <exception cref="ArgumentException">Not exactly one of m, c and script is given.</exception>
    [Description("Runs a python script (--script), module (-m) or code (-c).")]
    public static AppDef Python(
        [Description("run library module as a script")] string? m = null,
        [Description("program passed as string")] string? c = null,
        [Description(".py script to run")] string? script = null,
        [Description("image to run in")] string image = DefaultImage,
        [Description("name of the app and role")] string name = "utils_python",
        [Description("number of cpus per replica")] int cpu = 1,
        [Description("number of gpus per replica")] int gpu = 0,
        [Description("cpu memory in MB per replica")] int memMB = 1024,
        [Description("a named resource (takes precedence over cpu, gpu, memMB)")] string? h = null,
        [Description("number of replicas to run")] int numReplicas = 1,
        [Description("arguments to the program")] params string[] args)
    {
        if ((m is null ? 0 : 1) + (c is null ? 0 : 1) + (script is null ? 0 : 1) != 1)
        {
            throw new ArgumentException("exactly one of -m, -c and --script must be given");
        }

        string[] head = m is not null ? ["-m", m] : c is not null ? ["-c", c] : [script!];
        return new AppDef
        {
            Name = name,
            Roles =
            [
                new Role
                {
                    Name = name,
                    Image = image,
                    Entrypoint = "python",
                    Args = [.. head, .. args],
                    NumReplicas = numReplicas,
                    Resource = BuiltinHelpers.Resource(cpu, gpu, memMB, h),
                },
            ],
        };
    }
}
