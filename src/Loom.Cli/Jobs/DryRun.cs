using System.Globalization;
using System.Text.Json;
using Loom.Jobs.Api;
using Loom.Jobs.Client;
using Loom.Jobs.Local;

namespace Loom.Cli.Jobs;

/// <summary>Prints what <c>loom run</c> would submit and, per replica, the exact command, folder and environment.</summary>
internal static class DryRun
{
    public static void Print(JobSubmission submission, LoomHome home)
    {
        var app = submission.Apps[0];
        var problems = Loom.Jobs.Specs.AppDefValidator.Validate(app);
        if (problems.Count > 0)
        {
            throw new CliFailure($"The app '{app.Name}' is not valid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems), ExitCodes.Usage);
        }

        Console.WriteLine("# the app, as it would be submitted");
        Console.WriteLine(JsonSerializer.Serialize(app, JobsJson.Indented));
        var jobDirectory = Path.Combine(home.Path, "jobs", "JOB_ID");
        var options = new AppRunOptions
        {
            JobDirectory = jobDirectory,
            AppId = JobHandle.AppId(app.Name, 0).Replace("-0", "-JOB_ID", StringComparison.Ordinal),
            MasterPort = 0,
        };
        var culture = CultureInfo.InvariantCulture;
        foreach (var launch in ReplicaPlan.For(app, options, masterPort: 0))
        {
            Console.WriteLine();
            Console.WriteLine($"# replica {launch.Role}/{launch.ReplicaId.ToString(culture)} (rank {launch.Rank.ToString(culture)})");
            Console.WriteLine($"cd {Quote(launch.Directory)}");
            foreach (var (name, value) in launch.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var shown = name switch
                {
                    ReplicaEnvironment.MasterPort => "<a free port, chosen at start>",
                    ReplicaEnvironment.CudaVisibleDevices when app.Roles.First(r => r.Name == launch.Role).Resource.Gpu > 0 => "<the GPU ids given at start>",
                    _ => value,
                };
                Console.WriteLine($"export {name}={Quote(shown)}");
            }

            Console.WriteLine(string.Join(' ', new[] { launch.Entrypoint }.Concat(launch.Args).Select(Quote)) + " > stdout.log 2> stderr.log");
        }
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
