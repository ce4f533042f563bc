using System.Globalization;
using System.Text;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm.Options;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Slurm.Script;

/// <summary>
/// The <c>#SBATCH</c> lines of a job: one block per heterogeneous-job group, separated by <c>#SBATCH hetjob</c>.
/// Every group states its own resources, partition, qos, account, constraint and exclusivity; the job-wide
/// options (time, comment, mail, requeue, working folder, the batch script's output, dependencies, array)
/// go on the first group, which Slurm propagates to the others.
/// </summary>
internal static class SbatchDirectives
{
    public static void Append(StringBuilder script, SlurmJobPlan plan)
    {
        var culture = CultureInfo.InvariantCulture;
        var options = plan.Options;
        var app = plan.App;
        foreach (var slot in plan.Slots)
        {
            if (slot.HetGroup > 0)
            {
                script.Append("#SBATCH hetjob\n");
            }

            var resource = app.Roles.First(r => r.Name == slot.Role).Resource;
            var lines = new List<string>
            {
                $"--job-name={app.Name}-{slot.Role}-{slot.ReplicaId.ToString(culture)}",
                "--ntasks=1",
            };
            if (resource.Cpu > 0)
            {
                lines.Add($"--cpus-per-task={resource.Cpu.ToString(culture)}");
            }

            if (resource.MemMB > 0 && !options.NoMem)
            {
                lines.Add($"--mem={resource.MemMB.ToString(culture)}");
            }

            if (resource.Gpu > 0)
            {
                lines.Add(options.GpuFlag == GpuFlag.Gres
                    ? $"--gres=gpu:{resource.Gpu.ToString(culture)}"
                    : $"--gpus-per-task={resource.Gpu.ToString(culture)}");
            }

            Optional(lines, "--partition", options.Partition);
            Optional(lines, "--qos", options.Qos);
            Optional(lines, "--account", options.Account);
            Optional(lines, "--constraint", options.Constraint);
            if (options.Exclusive)
            {
                lines.Add("--exclusive");
            }

            if (slot.HetGroup == 0)
            {
                JobWide(lines, plan);
            }

            foreach (var line in lines)
            {
                script.Append("#SBATCH ").Append(line).Append('\n');
            }
        }
    }

    private static void JobWide(List<string> lines, SlurmJobPlan plan)
    {
        var options = plan.Options;
        if (plan.TimeLimit is { } limit)
        {
            lines.Add($"--time={SlurmDuration.Format(limit)}");
        }

        Optional(lines, "--comment", options.Comment);
        Optional(lines, "--mail-user", options.MailUser);
        Optional(lines, "--mail-type", options.MailType);
        // Without retries the job must not be requeued either: the cluster's default (JobRequeue) could otherwise
        // run it again after a node failure while Loom has already taken its first end as final.
        lines.Add(plan.MaxRetries > 0 ? "--requeue" : "--no-requeue");

        if (plan.Dependencies.Count > 0)
        {
            lines.Add("--dependency=" + string.Join(',', plan.Dependencies
                .GroupBy(d => d.Kind)
                .Select(g => (g.Key == Queue.DependencyKind.AfterOk ? "afterok:" : "afterany:") +
                             string.Join(':', g.Select(d => d.JobId.ToString(CultureInfo.InvariantCulture))))));
        }

        if (plan.Array is { } array)
        {
            lines.Add($"--array={array}");
        }

        Optional(lines, "--chdir", plan.WorkingDirectory);
        var jobDir = SlurmLogPaths.EscapePattern(plan.Options.JobDir);
        Optional(lines, "--output", SlurmLogPaths.Batch(jobDir, plan.Array is not null, "out"));
        Optional(lines, "--error", SlurmLogPaths.Batch(jobDir, plan.Array is not null, "err"));
        lines.Add("--open-mode=append");
    }

    private static void Optional(List<string> lines, string flag, string? value)
    {
        if (value is not null)
        {
            lines.Add($"{flag}={Value(flag, value)}");
        }
    }

    /// <summary>
    /// A value as sbatch reads it from an <c>#SBATCH</c> line: always in double quotes, with <c>\</c> and <c>"</c>
    /// escaped by a backslash (sbatch takes a backslash there as an escape, so a bare one would be dropped).
    /// A control character cannot be carried on the line at all and is refused.
    /// </summary>
    internal static string Value(string flag, string value)
    {
        if (value.Any(char.IsControl))
        {
            throw new SchedulerException($"{flag}: '{value}' holds a control character, which an #SBATCH line cannot carry.")
            {
                IsUsageError = true,
            };
        }

        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '\\' or '"')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }
}
