// Submits N trivial apps to the Slurm cluster this machine reaches, alternating plain
// `sbatch --parsable --wrap true` with Loom's SlurmScheduler.SubmitAsync (script and record written,
// sbatch run), and prints the time per submission of each. Every job it submitted is cancelled at the end.
using System.Diagnostics;
using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Slurm;
using Loom.Jobs.Specs;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var home = new LoomHome(Path.Combine(Path.GetTempPath(), "loom-slurm-bench-" + Guid.NewGuid().ToString("N")[..8]));
using var scheduler = new SlurmScheduler(new SlurmSchedulerOptions { Home = home });
var app = new AppDef
{
    Name = "bench",
    Roles = [new Role { Name = "true", Entrypoint = "true", Resource = new Resource { Cpu = 1, MemMB = 50 } }],
};
var submission = new JobSubmission { Apps = [app], BaseDirectory = Path.GetTempPath() };
var ids = new List<string>();

// One of each first, not measured: the cluster name lookup and JIT happen once per process.
ids.Add(Sbatch());
ids.Add(SlurmHandleId((await scheduler.SubmitAsync(submission)).Handle));

var plain = new List<double>();
var loom = new List<double>();
for (var i = 0; i < count; i++)
{
    var watch = Stopwatch.StartNew();
    ids.Add(Sbatch());
    plain.Add(watch.Elapsed.TotalMilliseconds);

    watch.Restart();
    var result = await scheduler.SubmitAsync(submission);
    loom.Add(watch.Elapsed.TotalMilliseconds);
    ids.Add(SlurmHandleId(result.Handle));
}

Run("scancel", [.. ids]);
Report("sbatch --wrap", plain);
Report("SlurmScheduler.SubmitAsync", loom);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added by Loom: {loom.Average() - plain.Average():F1} ms per submission (mean), {Percentile(loom, 50) - Percentile(plain, 50):F1} ms (p50)"));
try
{
    Directory.Delete(home.Path, recursive: true);
}
catch (IOException)
{
    // A cancelled job may still be writing its log there; the folder is temporary.
}

string Sbatch() => Run("sbatch", ["--parsable", "--mem=50", "--output=/dev/null", "--wrap", "true"]).Split(';')[0];

static string SlurmHandleId(string handle) => handle[(handle.LastIndexOf('/') + 1)..];

static string Run(string file, string[] arguments)
{
    var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"{file} exited {process.ExitCode}: {error}");
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p / 100 * sorted.Length) - 1)];
}

static void Report(string name, List<double> values) =>
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-28} n={values.Count} mean {values.Average():F1} ms  p50 {Percentile(values, 50):F1} ms  p99 {Percentile(values, 99):F1} ms"));
