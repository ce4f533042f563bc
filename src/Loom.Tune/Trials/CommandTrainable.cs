using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Loom.Tune;

/// <summary>
/// A trainable that runs any command per trial. The config reaches it as flags (<c>--lr 0.1</c>, nested names
/// joined with dots), as a JSON file named by <c>LOOM_TUNE_CONFIG</c>, or both. It reports by printing lines
/// <c>@loom.report {"loss": 0.25}</c> on stdout; adding <c>"checkpoint": true</c> says that what it wrote to
/// <c>LOOM_CHECKPOINT_DIR</c> is a checkpoint, which is then kept and given back as <c>LOOM_RESUME_FROM</c> when
/// the trial resumes. A scheduler's stop ends the process (SIGTERM, then SIGKILL after the grace period).
/// </summary>
internal sealed class CommandTrainable(string program, IReadOnlyList<string> arguments, bool configAsFlags, TimeSpan gracePeriod) : Trainable
{
    /// <summary>The marker of a report line.</summary>
    public const string ReportPrefix = "@loom.report ";

    internal override async Task RunAsync(TrialContext context)
    {
        var configFile = Path.Combine(context.TrialDirectory, "params.json");
        var scratch = Path.Combine(context.TrialDirectory, "checkpoint_scratch");
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        Directory.CreateDirectory(scratch);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = context.TrialDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (configAsFlags)
        {
            foreach (var (name, value) in context.Config.Values)
            {
                start.ArgumentList.Add("--" + name.Replace('/', '.'));
                start.ArgumentList.Add(value switch
                {
                    null => "",
                    bool b => b ? "true" : "false",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString() ?? "",
                });
            }
        }

        start.Environment["LOOM_TRIAL_ID"] = context.TrialId;
        start.Environment["LOOM_TUNE_CONFIG"] = configFile;
        start.Environment["LOOM_CHECKPOINT_DIR"] = scratch;
        start.Environment["CUDA_VISIBLE_DEVICES"] = string.Join(',', context.GpuIds);
        if (context.Checkpoint is { } resume)
        {
            start.Environment["LOOM_RESUME_FROM"] = resume;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{program}'.");
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(context.CancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!line.StartsWith(ReportPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var (metrics, checkpoint) = Parse(line[ReportPrefix.Length..]);
                await context.ReportAsync(metrics, checkpoint ? folder => MoveContents(scratch, folder) : null).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is TrialStoppedException or OperationCanceledException)
        {
            await StopAsync(process).ConfigureAwait(false);
            throw;
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var tail = string.Join(Environment.NewLine, (await stderr.ConfigureAwait(false)).Split('\n').TakeLast(10));
            throw new InvalidOperationException($"'{program}' exited with code {process.ExitCode}. Its stderr ends with:{Environment.NewLine}{tail}");
        }
    }

    private static (Dictionary<string, double> Metrics, bool Checkpoint) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var checkpoint = false;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == "checkpoint")
            {
                checkpoint = property.Value.ValueKind == JsonValueKind.True;
            }
            else if (property.Value.ValueKind == JsonValueKind.Number)
            {
                metrics[property.Name] = property.Value.GetDouble();
            }
        }

        return (metrics, checkpoint);
    }

    private static Task MoveContents(string from, string to)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var target = Path.Combine(to, Path.GetFileName(entry));
            if (Directory.Exists(entry))
            {
                Directory.Move(entry, target);
            }
            else
            {
                File.Move(entry, target);
            }
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        Signals.Terminate(process.Id);
        using var grace = new CancellationTokenSource(gracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
