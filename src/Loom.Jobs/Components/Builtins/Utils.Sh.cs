using System.ComponentModel;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components.Builtins;

public static partial class Utils
{
    /// <summary>Runs a command with <c>sh -c</c>, for example <c>utils.sh --gpu 4 -- sleep 2</c>.</summary>
    /// <param name="image">The image to run in.</param>
    /// <param name="numReplicas">How many replicas run the command.</param>
    /// <param name="cpu">CPUs per replica.</param>
    /// <param name="gpu">GPUs per replica.</param>
    /// <param name="memMB">Memory per replica in MiB.</param>
    /// <param name="h">A named resource; takes precedence over cpu, gpu and memMB.</param>
    /// <param name="env">Environment variables.</param>
    /// <param name="maxRetries">How many times a failure is retried.</param>
    /// <param name="args">The command and its arguments.</param>
    /// <returns>The app.</returns>
    [Description("Runs a command with sh -c, for example: utils.sh --gpu 4 -- sleep 2")]
    public static AppDef Sh(
        [Description("image to run in")] string image = DefaultImage,
        [Description("number of replicas to run")] int numReplicas = 1,
        [Description("number of cpus per replica")] int cpu = 1,
        [Description("number of gpus per replica")] int gpu = 0,
        [Description("cpu memory in MB per replica")] int memMB = 1024,
        [Description("a named resource (takes precedence over cpu, gpu, memMB)")] string? h = null,
        [Description("environment variables (e.g. ENV1=v1,ENV2=v2)")] IReadOnlyDictionary<string, string>? env = null,
        [Description("the number of times a failure is retried")] int maxRetries = 0,
        [Description("the command to run")] params string[] args) =>
        new()
        {
            Name = "sh",
            Roles =
            [
                new Role
                {
                    Name = "sh",
                    Image = image,
                    Entrypoint = "sh",
                    Args = ["-c", BuiltinHelpers.Join(args)],
                    NumReplicas = numReplicas,
                    Resource = BuiltinHelpers.Resource(cpu, gpu, memMB, h),
                    Env = env ?? new Dictionary<string, string>(),
                    MaxRetries = maxRetries,
                },
            ],
        };
}
