using System.Diagnostics;
using System.Text.Json;
using Loom.Tests.Support;

namespace Loom.Tests.Cli.Tune;

/// <summary><c>loom tune restore</c> continues an experiment whose CLI was killed with SIGKILL.</summary>
[Trait("Category", "Integration")]
public sealed class TuneRestoreTests
{
    private const string Spec = """
        name: interrupted
        command: ["python3", "train.py"]
        metric: loss
        max_concurrent_trials: 2
        stop: {max_iterations: 5}
        space:
          x: {grid: [0.0, 1.0, 2.0, 3.0]}
        """;

    [Fact]
    public async Task A_killed_run_is_restored_keeping_finished_trials_and_resuming_the_others_from_checkpoints()
    {
        using var folder = new TuneFolder();
        var spec = folder.Spec(Spec);
        var experiment = Path.Combine(folder.Storage, "interrupted");
        var state = Path.Combine(experiment, "experiment_state.json");

        using (var run = Start(folder, spec))
        {
            var stdout = run.StandardOutput.ReadToEndAsync();
            var stderr = run.StandardError.ReadToEndAsync();
            await TestCluster.WaitUntilAsync(() =>
                run.HasExited || (Statuses(state) is { } s && s.Any(t => t.Status == "Terminated") && s.Any(t => t.Status == "Running" && t.Iteration is >= 1 and <= 3)));
            if (run.HasExited)
            {
                Assert.Fail($"the run ended before it could be killed: {await stdout}{await stderr}");
            }

            run.Kill();
            await run.WaitForExitAsync().WaitAsync(TestCluster.Patience);
            await Task.WhenAll(stdout, stderr).WaitAsync(TestCluster.Patience);
        }

        var before = Statuses(state)!;
        var finished = before.Where(t => t.Status == "Terminated").Select(t => t.Id).ToList();
        var interrupted = before.Where(t => t.Status == "Running" && t.Iteration >= 1).Select(t => t.Id).ToList();
        Assert.NotEmpty(finished);
        Assert.NotEmpty(interrupted);

        var (code, output, errors) = await LoomProcess.RunInAsync(null, folder.Path, "tune", "restore", experiment, "--num-cpus", "2");

        Assert.True(code == 0, $"exit {code}: {output}{errors}");
        var after = Statuses(state)!;
        Assert.Equal(4, after.Count);
        Assert.All(after, t => Assert.Equal("Terminated", t.Status));
        Assert.All(after, t => Assert.Equal(5, t.Iteration));
        Assert.All(finished, id => Assert.Equal(["fresh"], folder.Starts(id)));
        Assert.All(interrupted, id =>
        {
            var starts = folder.Starts(id);
            Assert.Equal(2, starts.Length);
            Assert.Equal("fresh", starts[0]);
            Assert.Contains("checkpoint_", starts[1], StringComparison.Ordinal);
        });
        Assert.True(File.Exists(Path.Combine(experiment, "results.csv")));
        Assert.True(File.Exists(Path.Combine(experiment, "metric.png")));
    }

    private static Process Start(TuneFolder folder, string spec)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        // Slow steps for the first run only (the trial processes inherit STEP_SECONDS from the CLI), so that it is
        // killed with trials part-way through.
        start.Environment["STEP_SECONDS"] = "0.3";
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Loom.Cli.dll"), "tune", "run", spec, "--storage", folder.Storage, "--num-cpus", "2" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static List<(string Id, string Status, int Iteration)>? Statuses(string stateFile)
    {
        if (!File.Exists(stateFile))
        {
            return null;
        }

        // The tuner replaces the file atomically, so a read sees a whole state.
        using var document = JsonDocument.Parse(File.ReadAllText(stateFile));
        return [.. document.RootElement.GetProperty("trials").EnumerateArray().Select(t => (
            t.GetProperty("id").GetString()!,
            StatusName(t.GetProperty("status")),
            t.GetProperty("iteration").GetInt32()))];
    }

    private static string StatusName(JsonElement status) =>
        status.ValueKind == JsonValueKind.Number ? ((global::Loom.Tune.TrialStatus)status.GetInt32()).ToString() : status.GetString()!;
}
