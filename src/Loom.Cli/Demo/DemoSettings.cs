namespace Loom.Cli.Demo;

/// <summary>The demo's cluster size; null means "let the cluster decide" (GPUs fall back to 4 logical ones).</summary>
internal sealed record DemoSettings(int? Cpus, int? Gpus)
{
    public const int FallbackGpus = 4;

    public static DemoSettings Resolve(int? cpus, int? gpus)
    {
        if (cpus is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cpus), cpus, "--num-cpus must be 1 or more.");
        }

        if (gpus is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gpus), gpus, "--num-gpus must be 0 or more.");
        }

        return new DemoSettings(cpus, gpus);
    }
}
