using Loom.Tune.Search;
using Domains = Loom.Tune.Search.Tune;

namespace Loom.Tune.Tests.Tuning;

public sealed class CommandTrainableTests
{
    private const string Script = """
        import json, os, sys, time
        x = float(sys.argv[sys.argv.index("--x") + 1])
        config = json.load(open(os.environ["LOOM_TUNE_CONFIG"]))
        assert config["x"] == x, config
        step = int(open(os.path.join(os.environ["LOOM_RESUME_FROM"], "step")).read()) if os.environ.get("LOOM_RESUME_FROM") else 0
        while True:
            step += 1
            folder = os.path.join(os.environ["LOOM_CHECKPOINT_DIR"], f"step-{step}")
            os.makedirs(folder)
            with open(os.path.join(folder, "step"), "w") as f:
                f.write(str(step))
            print("@loom.report " + json.dumps({"loss": (x - 2) ** 2 + 1.0 / step, "checkpoint": f"step-{step}"}), flush=True)
            print("other output is ignored", flush=True)
            time.sleep(0.01)
        """;

    [Fact]
    public async Task A_command_gets_its_config_reports_on_stdout_checkpoints_and_is_stopped()
    {
        await using var f = await TunerFixture.StartAsync();
        var script = Path.Combine(Path.GetTempPath(), $"loom-tune-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            var tuner = new Tuner(
                f.Loom,
                Trainable.Command("python3", [script], gracePeriod: TimeSpan.FromSeconds(2)),
                new SearchSpace { ["x"] = Domains.GridSearch(1.0, 2.0) },
                new TuneConfig { Metric = "loss" },
                f.Run(stop: new StopCriteria { MaxIterations = 3 }));

            var grid = await tuner.FitAsync();

            Assert.All(grid.Trials, t => Assert.Equal(TrialStatus.Terminated, t.Status));
            Assert.All(grid.Trials, t => Assert.Equal([1, 2, 3], t.Results.Select(r => r.Iteration)));
            var best = grid.GetBestResult();
            Assert.Equal(2.0, best.Trial.Config.Get<double>("x"));
            Assert.Equal("3", await File.ReadAllTextAsync(Path.Combine(best.Trial.Checkpoint!, "step")));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task A_command_that_fails_ends_the_trial_in_error_with_its_stderr()
    {
        await using var f = await TunerFixture.StartAsync();
        var tuner = new Tuner(
            f.Loom,
            Trainable.Command("sh", ["-c", "echo '@loom.report {\"loss\": 1}'; echo 'CUDA out of memory' >&2; exit 3", "trial"], configAsFlags: false),
            new SearchSpace { ["x"] = 1.0 },
            new TuneConfig { Metric = "loss" },
            f.Run());

        var grid = await tuner.FitAsync();

        var error = Assert.Single(grid.Errors).Error!;
        Assert.Contains("exited with code 3", error, StringComparison.Ordinal);
        Assert.Contains("CUDA out of memory", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_naming_a_checkpoint_folder_that_does_not_exist_ends_the_trial_in_error()
    {
        await using var f = await TunerFixture.StartAsync();
        var tuner = new Tuner(
            f.Loom,
            Trainable.Command("sh", ["-c", "echo '@loom.report {\"loss\": 1, \"checkpoint\": \"nope\"}'; sleep 5"], configAsFlags: false, gracePeriod: TimeSpan.FromSeconds(1)),
            new SearchSpace { ["x"] = 1.0 },
            new TuneConfig { Metric = "loss" },
            f.Run());

        var grid = await tuner.FitAsync();

        Assert.Contains("reported the checkpoint 'nope'", Assert.Single(grid.Errors).Error, StringComparison.Ordinal);
    }
}
