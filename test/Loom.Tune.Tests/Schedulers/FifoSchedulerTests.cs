using Loom.Tune;
using Loom.Tune.Schedulers;

namespace Loom.Tune.Tests.Schedulers;

public sealed class FifoSchedulerTests
{
    [Fact]
    public void Every_trial_continues_and_the_first_waiting_runs_next()
    {
        var fifo = new FifoScheduler();
        fifo.Setup("score", TuneMode.Min);
        fifo.OnTrialAdd("a", Results.Config());

        Assert.Equal(TrialDecision.Continue, fifo.OnTrialResult("a", Results.Of("a", 1, double.NaN)));
        Assert.Equal("b", fifo.ChooseTrialToRun(["b", "a"]));
        Assert.Null(fifo.ChooseTrialToRun([]));
        Assert.Empty(fifo.TakeTrialsToStop());
    }

    [Fact]
    public void Decisions_say_what_to_do()
    {
        var request = new ExploitRequest("a", Results.Config());

        Assert.Equal(TrialAction.Pause, TrialDecision.Pause.Action);
        Assert.Equal(TrialAction.Stop, TrialDecision.Stop.Action);
        Assert.Null(TrialDecision.Continue.Exploit);
        Assert.Equal(new TrialDecision(TrialAction.Continue, request), TrialDecision.ContinueFrom(request));
    }
}
