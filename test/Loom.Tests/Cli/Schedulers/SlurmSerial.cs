namespace Loom.Tests.Cli.Schedulers;

/// <summary>The CLI tests on Slurm share one cluster: they run one after another so that one filling the nodes never starves another.</summary>
[CollectionDefinition(Name)]
public sealed class SlurmSerial
{
    public const string Name = "Slurm cluster";
}
