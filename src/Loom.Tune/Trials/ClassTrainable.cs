namespace Loom.Tune;

internal sealed class ClassTrainable(Func<TrainableClass> create) : Trainable
{
    internal override async Task RunAsync(TrialContext context)
    {
        var instance = create();
        await instance.SetupAsync(context.Config).ConfigureAwait(false);
        if (context.Checkpoint is { } checkpoint)
        {
            await instance.LoadAsync(checkpoint).ConfigureAwait(false);
        }

        var saves = true;
        while (true)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var metrics = await instance.StepAsync().ConfigureAwait(false);
            if (saves)
            {
                var wrote = false;
                await context.ReportAsync(metrics, async folder => wrote = await instance.SaveAsync(folder).ConfigureAwait(false)).ConfigureAwait(false);
                saves = wrote;
            }
            else
            {
                await context.ReportAsync(metrics).ConfigureAwait(false);
            }
        }
    }
}
