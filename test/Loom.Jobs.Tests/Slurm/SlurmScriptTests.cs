using Loom.Jobs.Specs;
using static Loom.Jobs.Tests.Slurm.SlurmTestApps;

namespace Loom.Jobs.Tests.Slurm;

public sealed class SlurmScriptTests : IDisposable
{
    private readonly SlurmTestApps _apps = new();

    public void Dispose() => _apps.Dispose();

    [Fact]
    public void One_replica_app_is_a_plain_job_with_one_srun()
    {
        var role = new Role
        {
            Name = "trainer",
            Entrypoint = "python",
            Args = ["train.py", "--epochs", "3"],
            Resource = new Resource { Cpu = 4, Gpu = 1, MemMB = 2048 },
        };
        using var scheduler = _apps.Scheduler();

        var script = scheduler.DryRun(_apps.Submission(App(role)));

        var home = _apps.Home;
        var jobs = _apps.JobDir;
        Assert.Equal($$"""
            #!/bin/bash
            # Loom app 'app': 1 replica(s).
            #SBATCH --job-name=app-trainer-0
            #SBATCH --ntasks=1
            #SBATCH --cpus-per-task=4
            #SBATCH --mem=2048
            #SBATCH --gres=gpu:1
            #SBATCH --no-requeue
            #SBATCH --chdir="{{home}}"
            #SBATCH --output="{{jobs}}/slurm-%j.out"
            #SBATCH --error="{{jobs}}/slurm-%j.err"
            #SBATCH --open-mode=append

            set -uo pipefail

            LOOM_SLURM_JOB="${SLURM_JOB_ID}"
            export LOOM_APP_ID=app-"${LOOM_SLURM_JOB}"
            export LOOM_JOB_ID="${SLURM_JOB_ID}"
            export WORLD_SIZE=1
            export MASTER_ADDR="$(scontrol show hostnames "${SLURM_JOB_NODELIST}" | head -n 1)"
            export MASTER_PORT=$((20000 + SLURM_JOB_ID % 20000))
            export LOOM_CHECKPOINT_DIR={{jobs}}/"${LOOM_SLURM_JOB}"/checkpoints
            mkdir -p "${LOOM_CHECKPOINT_DIR}"
            # A retried job resumes from its newest checkpoint.
            latest="$(ls -1t "${LOOM_CHECKPOINT_DIR}" 2>/dev/null | head -n 1)"
            if [ -n "$latest" ]; then export LOOM_RESUME_FROM="${LOOM_CHECKPOINT_DIR}/$latest"; fi
            rm -f {{jobs}}/slurm-"${LOOM_SLURM_JOB}"-trainer-0.exit

            # Each replica runs in this wrapper, which writes its exit status next to its logs.
            wrapper='"${@:2}"; s=$?; echo "$s" > "$1"; exit "$s"'
            srun --kill-on-bad-exit=1 --open-mode=append --output={{jobs}}/slurm-"${LOOM_SLURM_JOB}"-trainer-0.out --error={{jobs}}/slurm-"${LOOM_SLURM_JOB}"-trainer-0.err --export=ALL,LOOM_ROLE_NAME=trainer,LOOM_REPLICA_ID=0,RANK=0,LOCAL_RANK=0 \
                /bin/bash -c "$wrapper" loom-replica {{jobs}}/slurm-"${LOOM_SLURM_JOB}"-trainer-0.exit python train.py --epochs 3
            status=$?
            exit "$status"

            """, script);
    }

    [Fact]
    public void Each_replica_of_a_multi_role_app_is_a_het_group_with_its_rank()
    {
        var trainer = new Role
        {
            Name = "trainer",
            Entrypoint = "python",
            Args = ["train.py", "--id", "${app_id}-${replica_id}", "--master", "${rank0_env}"],
            NumReplicas = 2,
            Resource = new Resource { Cpu = 2, Gpu = 1, MemMB = 1024 },
        };
        var ps = Sh("ps", "echo \"$RANK\"") with { Resource = new Resource { Cpu = 1 } };
        using var scheduler = _apps.Scheduler();

        var script = scheduler.DryRun(_apps.Submission(App(trainer, ps), new Dictionary<string, string> { ["partition"] = "debug" }));

        var jobs = _apps.JobDir;
        var lines = script.Split('\n');
        Assert.Equal(2, lines.Count(l => l == "#SBATCH hetjob"));
        Assert.Equal(["app-trainer-0", "app-trainer-1", "app-ps-0"], lines.Where(l => l.StartsWith("#SBATCH --job-name=", StringComparison.Ordinal)).Select(l => l[19..]));
        Assert.Equal(3, lines.Count(l => l == "#SBATCH --partition=\"debug\""));
        Assert.Equal(2, lines.Count(l => l == "#SBATCH --gres=gpu:1"));
        Assert.Single(lines, l => l.StartsWith("#SBATCH --chdir=", StringComparison.Ordinal));
        Assert.Contains("export WORLD_SIZE=3", lines);
        Assert.Contains("export MASTER_ADDR=\"$(scontrol show hostnames \"${SLURM_JOB_NODELIST_HET_GROUP_0}\" | head -n 1)\"", lines);
        Assert.Contains(
            $"srun --kill-on-bad-exit=1 --het-group=0 --open-mode=append --output={jobs}/slurm-\"${{LOOM_SLURM_JOB}}\"-trainer-0.out --error={jobs}/slurm-\"${{LOOM_SLURM_JOB}}\"-trainer-0.err " +
            "--export=ALL,LOOM_ROLE_NAME=trainer,LOOM_REPLICA_ID=0,RANK=0,LOCAL_RANK=0 \\", lines);
        Assert.Contains(
            $"    /bin/bash -c \"$wrapper\" loom-replica {jobs}/slurm-\"${{LOOM_SLURM_JOB}}\"-trainer-1.exit python train.py --id \"${{LOOM_APP_ID}}\"-1 --master MASTER_ADDR \\", lines);
        Assert.Contains(
            $"  : --het-group=2 --open-mode=append --output={jobs}/slurm-\"${{LOOM_SLURM_JOB}}\"-ps-0.out --error={jobs}/slurm-\"${{LOOM_SLURM_JOB}}\"-ps-0.err " +
            "--export=ALL,LOOM_ROLE_NAME=ps,LOOM_REPLICA_ID=0,RANK=2,LOCAL_RANK=0 \\", lines);
        Assert.Contains($"    /bin/bash -c \"$wrapper\" loom-replica {jobs}/slurm-\"${{LOOM_SLURM_JOB}}\"-ps-0.exit sh -c 'echo \"$RANK\"'", lines);
    }

    [Fact]
    public void Args_and_env_are_quoted_for_bash_and_the_roles_env_goes_through_env()
    {
        var role = Sh("r", "x") with
        {
            Args = ["it's", "a b", "$HOME", "${app_id}/out", "--x=$${img_root}", ""],
            Env = new Dictionary<string, string> { ["LIST"] = "a,b", ["QUOTE"] = "say \"hi\"", ["RANK"] = "7", ["WHERE"] = "${rank0_env}" },
        };
        using var scheduler = _apps.Scheduler();

        var script = scheduler.DryRun(_apps.Submission(App(role)));

        var command = script.Split('\n').Single(l => l.Contains("loom-replica", StringComparison.Ordinal));
        Assert.StartsWith("    env LIST=a,b 'QUOTE=say \"hi\"' WHERE=MASTER_ADDR /bin/bash -c \"$wrapper\" loom-replica ", command, StringComparison.Ordinal);
        Assert.EndsWith(" sh 'it'\\''s' 'a b' '$HOME' \"${LOOM_APP_ID}\"/out '--x=${img_root}' ''", command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quoted_words_reach_the_program_unchanged()
    {
        var role = Sh("r", "x") with { Args = ["it's", "a b", "$HOME", "${app_id}/out", "*", "\\n", "\"", ""] };
        using var scheduler = _apps.Scheduler();
        var script = scheduler.DryRun(_apps.Submission(App(role)));
        var command = script.Split('\n').Single(l => l.Contains("loom-replica", StringComparison.Ordinal));
        var words = command[(command.IndexOf(" sh ", StringComparison.Ordinal) + 4)..];

        var printed = await Bash($"LOOM_APP_ID=app-7; printf '[%s]' {words}");

        Assert.Equal("[it's][a b][$HOME][app-7/out][*][\\n][\"][]", printed);
    }

    [Fact]
    public void An_array_is_a_plain_job_with_array_and_per_task_files()
    {
        using var scheduler = _apps.Scheduler();

        var script = scheduler.DryRun(_apps.Submission(App(Sh("task", "echo hi")), array: "0-15%4"));

        var jobs = _apps.JobDir;
        Assert.DoesNotContain("hetjob", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--het-group", script, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --array=0-15%4\n", script, StringComparison.Ordinal);
        Assert.Contains($"#SBATCH --output=\"{jobs}/slurm-%A_%a.out\"\n", script, StringComparison.Ordinal);
        Assert.Contains("LOOM_SLURM_JOB=\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"\n", script, StringComparison.Ordinal);
        Assert.Contains("export LOOM_ARRAY_TASK_ID=\"${SLURM_ARRAY_TASK_ID}\"\n", script, StringComparison.Ordinal);
        Assert.Contains("export LOOM_ARRAY_JOB_ID=\"${SLURM_ARRAY_JOB_ID}\"\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Retries_requeue_the_job_while_restarts_are_left()
    {
        using var scheduler = _apps.Scheduler();

        var script = scheduler.DryRun(_apps.Submission(App(Sh("r", "false") with { MaxRetries = 2 })));

        Assert.Contains("#SBATCH --requeue\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--no-requeue", script, StringComparison.Ordinal);
        Assert.EndsWith("""
            status=$?
            if [ "$status" -ne 0 ] && [ "${SLURM_RESTART_COUNT:-0}" -lt 2 ]; then
              echo "loom: srun exited with $status; requeueing (retry $((${SLURM_RESTART_COUNT:-0} + 1)) of 2)" >&2
              scontrol requeue "${SLURM_JOB_ID}"
            fi
            exit "$status"

            """, script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_is_valid_bash()
    {
        var trainer = Sh("trainer", "echo 'x y' \"$RANK\"", replicas: 2) with { Env = new Dictionary<string, string> { ["A"] = "it's, \"so\"" }, MaxRetries = 1 };
        using var scheduler = _apps.Scheduler();
        var path = Path.Combine(_apps.Home, "script.sh");
        File.WriteAllText(path, scheduler.DryRun(_apps.Submission(App(trainer))));

        var (code, _) = Run("bash", "-n", path);

        Assert.Equal(0, code);
    }

    private static async Task<string> Bash(string command)
    {
        var (code, stdout) = Run("bash", "-c", command);
        Assert.Equal(0, code);
        return await Task.FromResult(stdout);
    }

    private static (int Code, string Stdout) Run(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout);
    }
}
