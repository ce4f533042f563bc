using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Service;

/// <summary>
/// Checks a whole submission before anything of it is queued, and turns it into a <see cref="JobRequest"/>:
/// every app valid, its resources within the node's totals, its dependencies known, its array well formed and
/// its local inputs present.
/// </summary>
internal static class SubmissionCheck
{
    /// <summary>The metadata key that carries the submitter's working directory, against which relative inputs resolve.</summary>
    public const string BaseDirectoryKey = "loom.baseDirectory";

    public static JobRequest ToRequest(JobSubmission submission, JobService service)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var culture = CultureInfo.InvariantCulture;
        var apps = submission.Apps ?? [];
        if (apps.Count == 0)
        {
            throw new JobRejectedException("The submission has no app: give a component, a spec file or batch lines.");
        }

        if (apps.Count > 1 && submission.Array is not null)
        {
            throw new JobRejectedException("A batch of several apps cannot also be an array: drop --array.");
        }

        var options = service.Options;
        foreach (var app in apps)
        {
            Check(app, options, submission.BaseDirectory);
        }

        foreach (var dependency in submission.Dependencies)
        {
            if (!service.JobExists(dependency.JobId))
            {
                throw new JobRejectedException(
                    $"The job depends on job {dependency.JobId.ToString(culture)}, which does not exist; 'loom list' shows the jobs.");
            }
        }

        ArraySpec? array = null;
        if (submission.Array is { } text)
        {
            try
            {
                array = ArraySpec.Parse(text);
            }
            catch (FormatException e)
            {
                throw new JobRejectedException($"{e.Message} Write it as START-END[:STEP][%MAX] or a list such as 1,3,5.", e);
            }
        }
        else if (apps.Count > 1)
        {
            array = new ArraySpec([.. Enumerable.Range(0, apps.Count)], submission.MaxConcurrent);
        }

        var first = apps[0];
        var stamped = apps.Select(a => Stamp(a, submission.BaseDirectory)).Select(JobService.SerializeApp).ToArray();
        return new JobRequest
        {
            Name = first.Name,
            User = submission.User ?? first.User ?? options.DefaultUser,
            Priority = submission.Priority ?? first.Priority,
            Gpus = apps.Max(AppDemand.Gpus),
            Cpus = apps.Max(AppDemand.Cpus),
            MemoryMb = apps.Max(AppDemand.MemoryMb),
            Preemptible = submission.Preemptible ?? first.Preemptible,
            TimeLimit = first.TimeLimit,
            MaxRetries = submission.MaxRetries ?? AppDemand.MaxRetries(first),
            Dependencies = submission.Dependencies,
            Array = array,
            Payload = stamped[0],
            ArrayPayloads = apps.Count > 1 ? stamped : null,
        };
    }

    private static void Check(AppDef app, JobServiceOptions options, string? baseDirectory)
    {
        var culture = CultureInfo.InvariantCulture;
        var problems = AppDefValidator.Validate(app);
        if (problems.Count > 0)
        {
            throw new JobRejectedException(
                $"The app '{app.Name}' is not valid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }

        var gpus = AppDemand.Gpus(app);
        if (gpus > options.GpuIds.Count)
        {
            throw new JobRejectedException(
                $"The app '{app.Name}' needs {gpus.ToString(culture)} GPU(s) in all, but this head has {options.GpuIds.Count.ToString(culture)} " +
                $"({Totals(options)}). Ask for fewer, or start the head with more: 'loom start --head --num-gpus N'.");
        }

        var cpus = AppDemand.Cpus(app);
        if (cpus > options.Cpus)
        {
            throw new JobRejectedException(
                $"The app '{app.Name}' needs {cpus.ToString(culture)} CPU(s) in all, but this head has {options.Cpus.ToString(culture)} " +
                $"({Totals(options)}). Ask for fewer (--cpu), or start the head with more: 'loom start --head --num-cpus N'.");
        }

        var memory = AppDemand.MemoryMb(app);
        if (memory > options.MemoryMb)
        {
            throw new JobRejectedException(
                $"The app '{app.Name}' needs {memory.ToString(culture)} MiB of memory in all, but this head has {options.MemoryMb.ToString(culture)} MiB " +
                $"({Totals(options)}). Ask for less (--memMB).");
        }

        for (var i = 0; i < app.Inputs.Count; i++)
        {
            var source = app.Inputs[i].Source;
            if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = Path.IsPathRooted(source) || baseDirectory is null ? source : Path.Combine(baseDirectory, source);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new JobRejectedException(
                    $"Input {i.ToString(culture)} of the app '{app.Name}' ({source}) does not exist (looked for {Path.GetFullPath(path)}). " +
                    "Fix the path, or give an http(s) URL.");
            }
        }
    }

    private static string Totals(JobServiceOptions options)
    {
        var culture = CultureInfo.InvariantCulture;
        var gpus = options.GpuIds.Count == 0 ? "no GPUs" : $"GPUs {string.Join(',', options.GpuIds.Select(g => g.ToString(culture)))}";
        return $"the head's totals: {gpus}, {options.Cpus.ToString(culture)} CPUs, {options.MemoryMb.ToString(culture)} MiB";
    }

    private static AppDef Stamp(AppDef app, string? baseDirectory)
    {
        if (baseDirectory is null)
        {
            return app;
        }

        var metadata = new Dictionary<string, string>(app.Metadata, StringComparer.Ordinal) { [BaseDirectoryKey] = baseDirectory };
        return app with { Metadata = metadata };
    }
}
