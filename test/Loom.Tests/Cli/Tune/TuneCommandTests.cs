using System.Text.Json;

namespace Loom.Tests.Cli.Tune;

/// <summary>The real <c>loom tune</c> on a python command trainable.</summary>
[Trait("Category", "Integration")]
public sealed class TuneCommandTests
{
    private const string GridSpec = """
        name: quadratic
        command: ["python3", "train.py"]
        metric: loss
        mode: min
        max_concurrent_trials: 2
        resources: {cpu: 1}
        search: {algorithm: random, seed: 1}
        stop: {max_iterations: 5}
        space:
          x: {grid: [-1.0, 0.5, 2.0, 3.5]}
          lr: {loguniform: [0.0001, 0.1]}
          batch: 64
        """;

    [Fact]
    public async Task Run_finds_the_optimum_and_writes_results_plot_and_spec_then_status_reads_them()
    {
        using var folder = new TuneFolder();
        var spec = folder.Spec(GridSpec);

        var (code, stdout, stderr) = await LoomProcess.RunInAsync(null, folder.Path, "tune", "run", spec, "--storage", folder.Storage, "--num-cpus", "2");

        Assert.True(code == 0, $"exit {code}: {stdout}{stderr}");
        var experiment = Path.Combine(folder.Storage, "quadratic");
        Assert.Contains("best trial", stdout, StringComparison.Ordinal);
        Assert.Contains("4 terminated", stdout, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(experiment, "results.csv")).Length);
        Assert.True(new FileInfo(Path.Combine(experiment, "metric.png")).Length > 1000);
        Assert.True(File.Exists(Path.Combine(experiment, "tune.yaml")));

        (code, stdout, stderr) = await LoomProcess.RunInAsync(null, folder.Path, "tune", "status", experiment, "--json");

        Assert.True(code == 0, $"exit {code}: {stdout}{stderr}");
        using var status = JsonDocument.Parse(stdout);
        var best = status.RootElement.GetProperty("best");
        Assert.Equal(2.0, best.GetProperty("config").GetProperty("x").GetDouble(), 3);
        Assert.Equal(0.2, best.GetProperty("metric").GetDouble(), 6);
        Assert.Equal(4, status.RootElement.GetProperty("counts").GetProperty("Terminated").GetInt32());
        Assert.Equal(20, status.RootElement.GetProperty("total_iterations").GetInt32());
        Assert.All(status.RootElement.GetProperty("trials").EnumerateArray(), t => Assert.Equal(64, t.GetProperty("config").GetProperty("batch").GetInt32()));
    }

    [Fact]
    public async Task A_spec_with_mistakes_is_refused_naming_each_field_and_line_with_suggestions()
    {
        using var folder = new TuneFolder();
        var spec = folder.Spec("""
            name: broken
            comand: ["python3", "train.py"]
            metric: loss
            scheduler: {type: ashaa}
            space:
              x: {unifrom: [1, 2]}
              y: {uniform: [1]}
            """);

        var (code, stdout, stderr) = await LoomProcess.RunInAsync(null, folder.Path, "tune", "run", spec, "--storage", folder.Storage);

        Assert.True(code == 2, $"exit {code}: {stdout}{stderr}");
        Assert.Contains("quadratic.yaml:2:1: comand: unknown field \"comand\"; did you mean \"command\"?", stderr, StringComparison.Ordinal);
        Assert.Contains("command: is required", stderr, StringComparison.Ordinal);
        Assert.Contains("scheduler.type: unknown value \"ashaa\"; did you mean \"asha\"?", stderr, StringComparison.Ordinal);
        Assert.Contains(":6:7: space.x.unifrom: unknown domain \"unifrom\"; did you mean \"uniform\"?", stderr, StringComparison.Ordinal);
        Assert.Contains(":7:", stderr, StringComparison.Ordinal);
        Assert.Contains("space.y.uniform: expected [low, high]", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Storage));
    }

    [Fact]
    public async Task Status_of_a_folder_without_an_experiment_is_refused()
    {
        using var folder = new TuneFolder();

        var (code, _, stderr) = await LoomProcess.RunInAsync(null, folder.Path, "tune", "status", folder.Path);

        Assert.Equal(2, code);
        Assert.Contains("holds no experiment", stderr, StringComparison.Ordinal);
    }
}
