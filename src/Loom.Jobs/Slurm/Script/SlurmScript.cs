using System.Globalization;
using System.Text;
using Loom.Jobs.Local;
using Loom.Jobs.Queue;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Slurm.Script;

/// <summary>
/// Writes the sbatch script of a job: the <c>#SBATCH</c> groups (<see cref="SbatchDirectives"/>), then one
/// <c>srun</c> that starts every replica (<c>--het-group=N</c> each, separated by <c>:</c>), each through a
/// wrapper that writes its exit status next to its logs, then a requeue while retries are left.
/// </summary>
internal static class SlurmScript
{
    /// <summary>The wrapper each replica runs in: <c>bash -c WRAPPER loom-replica EXIT_FILE COMMAND ARGS…</c>.</summary>
    public const string Wrapper = "\"${@:2}\"; s=$?; echo \"$s\" > \"$1\"; exit \"$s\"";

    private static readonly string[] LoomVariables =
    [
        ReplicaEnvironment.AppId, ReplicaEnvironment.RoleName, ReplicaEnvironment.ReplicaId, ReplicaEnvironment.Rank,
        ReplicaEnvironment.LocalRank, ReplicaEnvironment.WorldSize, ReplicaEnvironment.MasterAddr, ReplicaEnvironment.MasterPort,
        ReplicaEnvironment.CheckpointDir, ReplicaEnvironment.ResumeFrom, JobEnvironmentVariables.JobId,
        JobEnvironmentVariables.ArrayJobId, JobEnvironmentVariables.ArrayTaskId,
    ];

    /// <summary>The script.</summary>
    public static string Build(SlurmJobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var culture = CultureInfo.InvariantCulture;
        var app = plan.App;
        var jobDir = plan.Options.JobDir;
        var key = ShellWord.Variable(SlurmLogPaths.KeyVariable);
        var array = plan.Array is not null;
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append(culture, $"# Loom app '{app.Name}': {plan.Slots.Count} replica(s)");
        script.Append(plan.Groups > 1 ? ", one heterogeneous-job group each.\n" : array ? ", an array task per index.\n" : ".\n");
        SbatchDirectives.Append(script, plan);
        script.Append('\n');
        script.Append("set -uo pipefail\n\n");

        script.Append(culture, $"{SlurmLogPaths.KeyVariable}=")
            .Append(array ? "\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"" : "\"${SLURM_JOB_ID}\"").Append('\n');
        Export(script, ReplicaEnvironment.AppId, ShellWord.Quote(app.Name + "-" + key));
        Export(script, JobEnvironmentVariables.JobId, "\"${SLURM_JOB_ID}\"");
        if (array)
        {
            Export(script, JobEnvironmentVariables.ArrayJobId, "\"${SLURM_ARRAY_JOB_ID}\"");
            Export(script, JobEnvironmentVariables.ArrayTaskId, "\"${SLURM_ARRAY_TASK_ID}\"");
        }

        var nodes = plan.Groups > 1 ? "SLURM_JOB_NODELIST_HET_GROUP_0" : "SLURM_JOB_NODELIST";
        Export(script, ReplicaEnvironment.WorldSize, plan.Slots.Count.ToString(culture));
        Export(script, ReplicaEnvironment.MasterAddr, $"\"$(scontrol show hostnames \"${{{nodes}}}\" | head -n 1)\"");
        Export(script, ReplicaEnvironment.MasterPort, "$((20000 + SLURM_JOB_ID % 20000))");
        Export(script, ReplicaEnvironment.CheckpointDir, ShellWord.Quote(SlurmLogPaths.Checkpoints(jobDir, key)));
        script.Append(culture, $"mkdir -p \"${{{ReplicaEnvironment.CheckpointDir}}}\"\n");
        script.Append("# A retried job resumes from its newest checkpoint.\n");
        script.Append(culture, $"latest=\"$(ls -1t \"${{{ReplicaEnvironment.CheckpointDir}}}\" 2>/dev/null | head -n 1)\"\n");
        script.Append(culture, $"if [ -n \"$latest\" ]; then export {ReplicaEnvironment.ResumeFrom}=\"${{{ReplicaEnvironment.CheckpointDir}}}/$latest\"; fi\n");
        foreach (var slot in plan.Slots)
        {
            script.Append("rm -f ").Append(ShellWord.Quote(SlurmLogPaths.Replica(jobDir, key, slot.Role, slot.ReplicaId, "exit"))).Append('\n');
        }

        script.Append('\n');
        script.Append("# Each replica runs in this wrapper, which writes its exit status next to its logs.\n");
        script.Append("wrapper=").Append(ShellWord.Quote(Wrapper)).Append('\n');
        script.Append("srun --kill-on-bad-exit=1");
        foreach (var slot in plan.Slots)
        {
            if (slot.HetGroup > 0)
            {
                script.Append(" \\\n  :");
            }

            AppendReplica(script, plan, slot, key);
        }

        script.Append('\n');
        script.Append("status=$?\n");
        if (plan.MaxRetries > 0)
        {
            var retries = plan.MaxRetries.ToString(culture);
            script.Append(culture, $"if [ \"$status\" -ne 0 ] && [ \"${{SLURM_RESTART_COUNT:-0}}\" -lt {retries} ]; then\n");
            script.Append(culture, $"  echo \"loom: srun exited with $status; requeueing (retry $((${{SLURM_RESTART_COUNT:-0}} + 1)) of {retries})\" >&2\n");
            script.Append("  scontrol requeue \"${SLURM_JOB_ID}\"\n");
            script.Append("fi\n");
        }

        script.Append("exit \"$status\"\n");
        return script.ToString();
    }

    private static void AppendReplica(StringBuilder script, SlurmJobPlan plan, SlurmReplicaSlot slot, string key)
    {
        var culture = CultureInfo.InvariantCulture;
        var jobDir = plan.Options.JobDir;
        var role = plan.App.Roles.First(r => r.Name == slot.Role);
        var macros = new MacroValues(ShellWord.Variable(ReplicaEnvironment.AppId), slot.ReplicaId.ToString(culture), ReplicaEnvironment.MasterAddr, role.Image);
        var applied = macros.Apply(role);
        if (plan.Groups > 1)
        {
            script.Append(culture, $" --het-group={slot.HetGroup}");
        }

        // Appended, so that the logs of a requeued job keep its earlier attempts. The paths are filename patterns:
        // a % of the job folder is doubled (the key variable expands to digits and an underscore only).
        script.Append(" --open-mode=append --output=").Append(ShellWord.Quote(SlurmLogPaths.EscapePattern(SlurmLogPaths.Replica(jobDir, key, slot.Role, slot.ReplicaId, "out"))));
        script.Append(" --error=").Append(ShellWord.Quote(SlurmLogPaths.EscapePattern(SlurmLogPaths.Replica(jobDir, key, slot.Role, slot.ReplicaId, "err"))));
        script.Append(" --export=").Append(ShellWord.Quote(
            $"ALL,{ReplicaEnvironment.RoleName}={slot.Role},{ReplicaEnvironment.ReplicaId}={slot.ReplicaId.ToString(culture)}," +
            $"{ReplicaEnvironment.Rank}={slot.Rank.ToString(culture)},{ReplicaEnvironment.LocalRank}=0"));
        script.Append(" \\\n   ");

        // The role's own variables go through env(1): --export cannot carry values with commas. Loom's win.
        var env = applied.Env.Where(kv => !LoomVariables.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (env.Count > 0)
        {
            script.Append(" env");
            foreach (var (name, value) in env)
            {
                script.Append(' ').Append(ShellWord.Quote($"{name}={value}"));
            }
        }

        script.Append(" /bin/bash -c \"$wrapper\" loom-replica ")
            .Append(ShellWord.Quote(SlurmLogPaths.Replica(jobDir, key, slot.Role, slot.ReplicaId, "exit")))
            .Append(' ').Append(ShellWord.Quote(applied.Entrypoint));
        foreach (var arg in applied.Args)
        {
            script.Append(' ').Append(ShellWord.Quote(arg));
        }
    }

    private static void Export(StringBuilder script, string name, string value) =>
        script.Append("export ").Append(name).Append('=').Append(value).Append('\n');
}
