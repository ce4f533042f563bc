namespace Loom.Cli.Demo;

/// <summary>The demo's cluster size; null means "let the cluster decide" (GPUs fall back to 4 logical ones).</summary>
internal sealed record DemoSettings(int? Cpus, int? Gpus)
{
    public const int FallbackGpus = 4;
}
