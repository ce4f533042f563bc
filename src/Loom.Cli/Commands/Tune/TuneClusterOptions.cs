using System.CommandLine;

namespace Loom.Cli.Commands.Tune;

/// <summary>The <c>--num-cpus</c> and <c>--num-gpus</c> options of the embedded cluster the trials run on.</summary>
internal sealed class TuneClusterOptions
{
    public Option<double?> Cpus { get; } = new("--num-cpus") { Description = "CPUs for the embedded cluster (default: the machine's cores)." };

    public Option<int?> Gpus { get; } = new("--num-gpus") { Description = "GPUs for the embedded cluster (default: the machine's)." };

    public void AddTo(Command command)
    {
        Cpus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is <= 0)
            {
                result.AddError("--num-cpus must be more than 0.");
            }
        });
        Gpus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0)
            {
                result.AddError("--num-gpus must be 0 or more.");
            }
        });
        command.Add(Cpus);
        command.Add(Gpus);
    }
}
