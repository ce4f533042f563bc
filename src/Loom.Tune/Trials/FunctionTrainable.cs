namespace Loom.Tune;

internal sealed class FunctionTrainable(Func<TrialContext, Task> run) : Trainable
{
    internal override Task RunAsync(TrialContext context) => run(context);
}
