using Loom.Head;
using Loom.Jobs.Client;

namespace Loom.Cli.Commands.Jobs;

/// <summary>The resources a head is started with.</summary>
internal sealed record HeadSettings(
    int? NumCpus, int? NumGpus, IReadOnlyDictionary<string, double> Resources, int Port, double GracePeriodSeconds,
    IReadOnlyDictionary<string, int> GpuQuotas, int? DefaultGpuQuota)
{
    public HeadOptions ToOptions(LoomHome home) => new()
    {
        Home = home,
        NumCpus = NumCpus,
        NumGpus = NumGpus,
        Resources = Resources,
        Port = Port,
        GracePeriod = TimeSpan.FromSeconds(GracePeriodSeconds),
        Policy = new Loom.Jobs.Queue.QueuePolicyOptions { GpuQuotas = GpuQuotas, DefaultGpuQuota = DefaultGpuQuota },
    };

    /// <summary>The same settings as <c>loom head</c> flags.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var words = new List<string> { "--port", Port.ToString(culture), "--grace-period", GracePeriodSeconds.ToString(culture) };
        if (NumCpus is { } cpus)
        {
            words.AddRange(["--num-cpus", cpus.ToString(culture)]);
        }

        if (NumGpus is { } gpus)
        {
            words.AddRange(["--num-gpus", gpus.ToString(culture)]);
        }

        if (Resources.Count > 0)
        {
            words.AddRange(["--resources", System.Text.Json.JsonSerializer.Serialize(Resources)]);
        }

        foreach (var (user, quota) in GpuQuotas)
        {
            words.AddRange(["--gpu-quota", $"{user}={quota.ToString(culture)}"]);
        }

        if (DefaultGpuQuota is { } fallback)
        {
            words.AddRange(["--default-gpu-quota", fallback.ToString(culture)]);
        }

        return words;
    }
}
