namespace Loom.Tests.Cli.Tune;

/// <summary>A temporary folder with a quadratic command trainable (train.py) and a spec for it.</summary>
internal sealed class TuneFolder : IDisposable
{
    /// <summary>
    /// Reports loss = (x - 2)² + 1/step for 5 steps with a checkpoint each, resumes from LOOM_RESUME_FROM, appends one
    /// line per start to starts-TRIAL.txt beside itself, and exits when its parent dies (so a killed CLI leaves none behind).
    /// </summary>
    public const string Script = """
        import json, os, sys, time
        x = float(sys.argv[sys.argv.index("--x") + 1])
        parent = os.getppid()
        resume = os.environ.get("LOOM_RESUME_FROM")
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "starts-" + os.environ["LOOM_TRIAL_ID"] + ".txt"), "a") as f:
            f.write((resume or "fresh") + "\n")
        step = int(open(os.path.join(resume, "step")).read()) if resume else 0
        while step < 5:
            time.sleep(float(os.environ.get("STEP_SECONDS", "0.02")))
            if os.getppid() != parent:
                sys.exit(3)
            step += 1
            with open(os.path.join(os.environ["LOOM_CHECKPOINT_DIR"], "step"), "w") as f:
                f.write(str(step))
            print("@loom.report " + json.dumps({"loss": (x - 2) ** 2 + 1.0 / step, "checkpoint": True}), flush=True)
        """;

    public TuneFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "loom-tune-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "train.py"), Script);
    }

    public string Path { get; }

    public string Storage => System.IO.Path.Combine(Path, "results");

    public string Spec(string yaml, string file = "quadratic.yaml")
    {
        var path = System.IO.Path.Combine(Path, file);
        File.WriteAllText(path, yaml);
        return path;
    }

    public string[] Starts(string trialId)
    {
        var file = System.IO.Path.Combine(Path, $"starts-{trialId}.txt");
        return File.Exists(file) ? File.ReadAllLines(file) : [];
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
