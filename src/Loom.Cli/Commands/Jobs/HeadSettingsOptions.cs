using System.CommandLine;
using System.Text.Json;

namespace Loom.Cli.Commands.Jobs;

/// <summary>The flags that size a head: <c>--num-cpus</c>, <c>--num-gpus</c>, <c>--resources</c>, <c>--port</c>, <c>--grace-period</c>.</summary>
internal sealed class HeadSettingsOptions
{
    private readonly Option<int?> _cpus = new("--num-cpus") { Description = "CPUs to schedule (default: the machine's)." };
    private readonly Option<int?> _gpus = new("--num-gpus") { Description = "GPUs to schedule (default: those nvidia-smi lists, else none; give N for N logical GPUs on a machine without them)." };
    private readonly Option<string?> _resources = new("--resources") { Description = "Custom resources as JSON, e.g. '{\"tpu\": 2}'." };
    private readonly Option<int> _port = new("--port") { Description = "The API port on 127.0.0.1 (default: any free port).", DefaultValueFactory = _ => 0 };
    private readonly Option<double> _grace = new("--grace-period") { Description = "Seconds between SIGTERM and SIGKILL when a job is stopped.", DefaultValueFactory = _ => 10 };

    private readonly Option<string[]> _quotas = new("--gpu-quota") { Description = "The most GPUs a user may hold at once, as USER=N (repeatable)." };
    private readonly Option<int?> _defaultQuota = new("--default-gpu-quota") { Description = "The most GPUs any other user may hold at once." };

    public void AddTo(Command command)
    {
        command.Options.Add(_quotas);
        command.Options.Add(_defaultQuota);
        command.Options.Add(_cpus);
        command.Options.Add(_gpus);
        command.Options.Add(_resources);
        command.Options.Add(_port);
        command.Options.Add(_grace);
    }

    public HeadSettings Read(ParseResult parseResult)
    {
        var cpus = parseResult.GetValue(_cpus);
        var gpus = parseResult.GetValue(_gpus);
        if (cpus is < 1)
        {
            throw new Loom.Cli.Jobs.CliFailure("--num-cpus must be at least 1.", Loom.Cli.Jobs.ExitCodes.Usage);
        }

        if (gpus is < 0)
        {
            throw new Loom.Cli.Jobs.CliFailure("--num-gpus cannot be negative.", Loom.Cli.Jobs.ExitCodes.Usage);
        }

        Dictionary<string, double> resources = [];
        if (parseResult.GetValue(_resources) is { } json)
        {
            try
            {
                resources = JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
            }
            catch (JsonException e)
            {
                throw new Loom.Cli.Jobs.CliFailure($"--resources must be a JSON object of names to numbers, e.g. '{{\"tpu\": 2}}': {e.Message}", Loom.Cli.Jobs.ExitCodes.Usage);
            }
        }

        var quotas = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in parseResult.GetValue(_quotas) ?? [])
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !int.TryParse(entry[(equals + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var quota))
            {
                throw new Loom.Cli.Jobs.CliFailure($"--gpu-quota takes USER=N with N a whole number, e.g. --gpu-quota alice=2; got '{entry}'.", Loom.Cli.Jobs.ExitCodes.Usage);
            }

            quotas[entry[..equals]] = quota;
        }

        if (parseResult.GetValue(_defaultQuota) is < 0)
        {
            throw new Loom.Cli.Jobs.CliFailure("--default-gpu-quota cannot be negative.", Loom.Cli.Jobs.ExitCodes.Usage);
        }

        return new HeadSettings(cpus, gpus, resources, parseResult.GetValue(_port), parseResult.GetValue(_grace), quotas, parseResult.GetValue(_defaultQuota));
    }
}
