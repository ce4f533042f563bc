namespace Loom.Worker.Isolation;

/// <summary>
/// The <c>loom worker</c> process: reads requests from stdin, runs each on the thread pool and
/// writes replies to stdout. Anything user code prints goes to stderr, so it never corrupts the
/// channel. The process ends when the node closes stdin (or dies).
/// </summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        var invoker = new WorkerInvoker();
        using var writeGate = new SemaphoreSlim(1, 1);

        async Task ReplyAsync(WorkerReply reply)
        {
            var payload = WorkerProtocol.Encode(reply);
            await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await WorkerProtocol.WriteFrameAsync(output, payload, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                writeGate.Release();
            }
        }

        // Call id 0 tells the node the worker is up.
        await ReplyAsync(new WorkerReply(0, null, null)).ConfigureAwait(false);
        while (await WorkerProtocol.ReadFrameAsync(input, cancellationToken).ConfigureAwait(false) is { } frame)
        {
            var request = WorkerProtocol.DecodeRequest(frame);
            _ = Task.Run(async () => await ReplyAsync(await invoker.HandleAsync(request).ConfigureAwait(false)).ConfigureAwait(false), cancellationToken);
        }

        return 0;
    }
}
