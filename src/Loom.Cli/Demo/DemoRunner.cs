using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Loom.Cli.Demo;

/// <summary>Runs the demo steps on an embedded cluster with live progress, then shows tables and checks.</summary>
internal sealed class DemoRunner
{
    private readonly DemoSettings _settings;
    private readonly IAnsiConsole _console;

    public DemoRunner(DemoSettings settings, IAnsiConsole? console = null)
    {
        _settings = settings;
        _console = console ?? AnsiConsole.Console;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var loom = await DemoCluster.StartAsync(_settings, cancellationToken).ConfigureAwait(false);
        _console.Write(new Rule("[bold]Loom demo[/]").LeftJustified());
        _console.MarkupLine(CultureInfo.InvariantCulture, "Embedded cluster [bold]{0}[/]: {1} CPUs, {2} GPUs", Markup.Escape(loom.NodeId), DemoCluster.CpuCount(loom), DemoCluster.GpuCount(loom));

        IDemoStep[] steps = [new FanOutStep(), new ChainStep(), new CounterActorStep(), new GpuExperimentsStep(), new JobQueueStep(), new TuneStep()];
        var outcomes = await RunStepsAsync(loom, steps, cancellationToken).ConfigureAwait(false);

        foreach (var outcome in outcomes)
        {
            _console.WriteLine();
            _console.Write(outcome.Details);
        }

        var status = loom.GetStatus();
        List<DemoCheck> checks = [.. outcomes.SelectMany(o => o.Checks), new("No task failed", status.Tasks.Failed == 0, $"{status.Tasks.Failed} failed")];
        _console.WriteLine();
        _console.Write(ChecksTable(checks));
        _console.WriteLine();
        _console.Write(ClusterStatusView.Render(status));
        _console.WriteLine();

        var passed = checks.All(c => c.Passed);
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        _console.MarkupLine(passed
            ? $"[green]All {checks.Count} checks passed[/] in {wall} s."
            : $"[red]{checks.Count(c => !c.Passed)} of {checks.Count} checks failed[/] ({wall} s).");
        return passed ? 0 : 1;
    }

    private async Task<List<DemoOutcome>> RunStepsAsync(LoomCluster loom, IDemoStep[] steps, CancellationToken cancellationToken)
    {
        var outcomes = new List<DemoOutcome>(steps.Length);
        await _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = steps.Select(s => context.AddTask(Markup.Escape(s.Title), autoStart: false)).ToList();
                for (var i = 0; i < steps.Length; i++)
                {
                    tasks[i].StartTask();
                    outcomes.Add(await steps[i].RunAsync(loom, tasks[i], cancellationToken).ConfigureAwait(false));
                    tasks[i].Value = tasks[i].MaxValue;
                    tasks[i].StopTask();
                    if (!_console.Profile.Capabilities.Interactive)
                    {
                        _console.MarkupLine(CultureInfo.InvariantCulture, "done: {0} ({1:0.00} s)", Markup.Escape(steps[i].Title), outcomes[^1].Elapsed.TotalSeconds);
                    }
                }
            }).ConfigureAwait(false);
        return outcomes;
    }

    private static Table ChecksTable(IEnumerable<DemoCheck> checks)
    {
        var table = new Table().Title("Checks").AddColumn("Check").AddColumn("Result").AddColumn("Detail");
        foreach (var check in checks)
        {
            table.AddRow(
                new Text(check.Description),
                new Markup(check.Passed ? "[green]PASS[/]" : "[red]FAIL[/]"),
                new Text(check.Detail));
        }

        return table;
    }
}
