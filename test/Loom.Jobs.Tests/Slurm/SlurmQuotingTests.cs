using System.Diagnostics;
using System.Text;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Slurm.Options;
using Loom.Jobs.Slurm.Script;
using static Loom.Jobs.Tests.Slurm.SlurmTestApps;

namespace Loom.Jobs.Tests.Slurm;

/// <summary>Values that need care on their way into the script: long durations, backslashes, quotes, %, control characters.</summary>
public sealed class SlurmQuotingTests : IDisposable
{
    private readonly SlurmTestApps _apps = new();

    public void Dispose() => _apps.Dispose();

    [Theory]
    [InlineData("99999999d")]
    [InlineData("2147483647:00:00")]
    [InlineData("2147483647-0")]
    [InlineData("9223372036854775807-0")]
    [InlineData("99999999999999999999")]
    [InlineData("1d99999999999999999h")]
    [InlineData("366d")]
    [InlineData("365-00:00:01")]
    public void Durations_past_the_limit_are_refused_naming_the_value(string text)
    {
        var error = Assert.Throws<FormatException>(() => SlurmDuration.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("365 days", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("365d")]
    [InlineData("365-00:00:00")]
    [InlineData("525600")]
    public void The_limit_itself_is_accepted(string text)
    {
        Assert.Equal(SlurmDuration.Max, SlurmDuration.Parse(text));
    }

    [Theory]
    [InlineData("99999999d")]
    [InlineData("2147483647:00:00")]
    [InlineData("2147483647-0")]
    public void An_overflowing_time_option_is_a_usage_error(string value)
    {
        using var scheduler = _apps.Scheduler();

        var error = Assert.Throws<SchedulerException>(() =>
            scheduler.DryRun(_apps.Submission(App(Sh("r", "true")), new Dictionary<string, string> { ["time"] = value })));

        Assert.True(error.IsUsageError);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backslashes_and_double_quotes_are_escaped_on_sbatch_lines()
    {
        var lines = Directives(new Dictionary<string, string>
        {
            ["comment"] = "C:\\temp\\x #1",
            ["constraint"] = "say \"a|b\"",
        });

        Assert.Contains("--comment=\"C:\\\\temp\\\\x #1\"", lines);
        Assert.Contains("--constraint=\"say \\\"a|b\\\"\"", lines);
    }

    [Fact]
    public void A_percent_in_the_job_folder_is_doubled_in_every_output_path()
    {
        var jobDir = Path.Combine(_apps.Home, "100%j");
        using var scheduler = _apps.Scheduler();

        var script = scheduler.DryRun(_apps.Submission(App(Sh("r", "true")), new Dictionary<string, string> { ["job_dir"] = jobDir }));

        var escaped = Path.Combine(_apps.Home, "100%%j");
        Assert.Contains($"#SBATCH --output=\"{escaped}/slurm-%j.out\"\n", script, StringComparison.Ordinal);
        Assert.Contains($"#SBATCH --error=\"{escaped}/slurm-%j.err\"\n", script, StringComparison.Ordinal);
        Assert.Contains($" --output={escaped}/slurm-\"${{LOOM_SLURM_JOB}}\"-r-0.out --error={escaped}/slurm-\"${{LOOM_SLURM_JOB}}\"-r-0.err ", script, StringComparison.Ordinal);

        // The files Loom itself reads or removes keep the folder as it is.
        Assert.Contains($"rm -f {jobDir}/slurm-\"${{LOOM_SLURM_JOB}}\"-r-0.exit\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backslash_in_the_job_folder_is_a_usage_error()
    {
        using var scheduler = _apps.Scheduler();

        var error = Assert.Throws<SchedulerException>(() =>
            scheduler.DryRun(_apps.Submission(App(Sh("r", "true")), new Dictionary<string, string> { ["job_dir"] = "a\\b" })));

        Assert.True(error.IsUsageError);
        Assert.Contains("backslash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retries_of_zero_forbid_a_requeue()
    {
        Assert.Contains("--no-requeue", Directives(new Dictionary<string, string> { ["max_retries"] = "0" }));
        Assert.DoesNotContain("--requeue", Directives(new Dictionary<string, string> { ["max_retries"] = "0" }));
        Assert.Contains("--requeue", Directives(new Dictionary<string, string> { ["max_retries"] = "1" }));
    }

    [Theory]
    [InlineData("a\nb", "$'a\\nb'")]
    [InlineData("x\r\ny", "$'x\\r\\ny'")]
    [InlineData("it's\t\\", "$'it\\'s\\t\\\\'")]
    [InlineData("\u0001\u007f", "$'\\x01\\x7F'")]
    [InlineData("\u0085", "$'\\xC2\\x85'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("plain", "plain")]
    public void Control_characters_use_ansi_c_quoting(string text, string expected)
    {
        Assert.Equal(expected, ShellWord.Quote(text));
    }

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData("tab\there")]
    [InlineData("it's \\ \"q\" $HOME `x` \u0001\u001b[0m\u007f")]
    [InlineData("\u0085next\u009f1f")]
    [InlineData("\\x41\\n")]
    [InlineData("plain text, it's $x")]
    [InlineData("\n")]
    public void A_quoted_word_gives_back_the_text_in_bash(string text)
    {
        Assert.Equal(text, Bash($"printf %s {ShellWord.Quote(text)}"));
    }

    [Fact]
    public void An_argument_with_line_breaks_keeps_the_script_free_of_carriage_returns()
    {
        using var scheduler = _apps.Scheduler();
        var role = Sh("r", "true") with { Args = ["-c", "printf '%s' \"$1\"", "x", "a\r\nb"] };

        var script = scheduler.DryRun(_apps.Submission(App(role)));

        Assert.DoesNotContain('\r', script);
        Assert.Contains(" $'a\\r\\nb'", script, StringComparison.Ordinal);
    }

    private static string Bash(string command)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        return stdout;
    }

    private List<string> Directives(Dictionary<string, string> options)
    {
        using var scheduler = _apps.Scheduler();
        return scheduler.DryRun(_apps.Submission(App(Sh("r", "true")), options)).Split('\n')
            .Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal))
            .Select(l => l[8..])
            .ToList();
    }
}
