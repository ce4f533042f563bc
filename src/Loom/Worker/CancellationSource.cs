namespace Loom.Worker;

/// <summary>
/// A cancellation token made only when someone asks for it (most work never does), already cancelled
/// when the work was cancelled before that.
/// </summary>
internal sealed class CancellationSource
{
    private CancellationTokenSource? _source;
    private int _cancelled;

    public bool IsCancelled => Volatile.Read(ref _cancelled) != 0;

    public CancellationToken Token
    {
        get
        {
            if (IsCancelled)
            {
                return new CancellationToken(canceled: true);
            }

            var source = Volatile.Read(ref _source);
            if (source is null)
            {
                var created = new CancellationTokenSource();
                source = Interlocked.CompareExchange(ref _source, created, null) ?? created;
                if (!ReferenceEquals(source, created))
                {
                    created.Dispose();
                }
                else if (IsCancelled)
                {
                    source.Cancel();
                }
            }

            return source.Token;
        }
    }

    /// <summary>Cancels; true for the first call only.</summary>
    public bool Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) != 0)
        {
            return false;
        }

        try
        {
            Volatile.Read(ref _source)?.Cancel();
        }
        catch (AggregateException)
        {
            // Callbacks registered by user code threw; the cancellation itself happened.
        }

        return true;
    }
}
