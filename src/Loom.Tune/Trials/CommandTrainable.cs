using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Loom.Tune;

/// <summary>
/// A trainable that runs any command per trial. The config reaches it as flags (<c>--lr 0.1</c>, nested names
/// joined with dots), as a JSON file named by <c>LOOM_TUNE_CONFIG</c>, or both. It reports by printing lines
/// <c>@loom.report {"loss": 0.25}</c> on stdout. To checkpoint, it writes the checkpoint into a new folder under
/// <c>LOOM_CHECKPOINT_DIR</c> and names it in the report, <c>"checkpoint": "step-12"</c>; it must not touch that
/// folder again (the process goes on while the report is handled). The folder's contents are kept and given back
/// as <c>LOOM_RESUME_FROM</c> when the trial resumes. <c>"checkpoint": true</c> takes everything in
/// <c>LOOM_CHECKPOINT_DIR</c> instead, for programs that write each checkpoint under new names. A scheduler's
/// stop ends the process (SIGTERM, then SIGKILL after the grace period).
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
                var source = checkpoint switch
                {
                    null => null,
                    "" => scratch,
                    _ => Path.GetFullPath(Path.Combine(scratch, checkpoint)),
                };
                if (source is not null && (!source.StartsWith(scratch, StringComparison.Ordinal) || !Directory.Exists(source)))
                {
                    throw new InvalidOperationException(
                        $"'{program}' reported the checkpoint '{checkpoint}', which is not a folder in LOOM_CHECKPOINT_DIR ({scratch}).");
                }

                await context.ReportAsync(metrics, source is null ? null : folder => MoveContents(source, folder)).ConfigureAwait(false);
                if (source is not null && source != scratch)
                {
                    Directory.Delete(source, recursive: true);
                }
            }
        }
        catch
        {
            // Stopped by a decision, cancelled, or a bad report: the process must not outlive its trial.
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

    // The checkpoint is null for none, "" for all of LOOM_CHECKPOINT_DIR, else the named folder in it.
    private static (Dictionary<string, double> Metrics, string? Checkpoint) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        string? checkpoint = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == "checkpoint")
            {
                checkpoint = property.Value.ValueKind switch
                {
                    JsonValueKind.True => "",
                    JsonValueKind.String => property.Value.GetString(),
                    _ => null,
                };
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
