namespace Loom.Serialization;

/// <summary>
/// Keeps the buffers of freed large objects for reuse. Fresh memory costs a page fault per page on
/// first touch, which for big arrays costs far more than the copy itself; a reused buffer is warm.
/// </summary>
internal sealed class LargeBufferPool
{
    /// <summary>Buffers below this size come from the allocator directly.</summary>
    public const int MinimumSize = 1 << 20;

    private readonly Lock _gate = new();
    private readonly List<byte[]> _free = [];
    private readonly long _maxPooledBytes;
    private long _pooledBytes;

    public LargeBufferPool(long maxPooledBytes)
    {
        _maxPooledBytes = maxPooledBytes;
    }

    public long PooledBytes => Volatile.Read(ref _pooledBytes);

    /// <summary>A buffer of at least <paramref name="length"/> bytes (at most twice that), contents undefined.</summary>
    public byte[] Rent(int length)
    {
        if (length >= MinimumSize)
        {
            lock (_gate)
            {
                var best = -1;
                for (var i = 0; i < _free.Count; i++)
                {
                    var size = _free[i].Length;
                    if (size >= length && size / 2 <= length && (best < 0 || size < _free[best].Length))
                    {
                        best = i;
                    }
                }

                if (best >= 0)
                {
                    var buffer = _free[best];
                    _free.RemoveAt(best);
                    _pooledBytes -= buffer.Length;
                    return buffer;
                }
            }
        }

        return GC.AllocateUninitializedArray<byte>(length);
    }

    /// <summary>Takes back a buffer no one reads any more; keeps it if the pool has room.</summary>
    public void Return(byte[] buffer)
    {
        if (buffer.Length < MinimumSize)
        {
            return;
        }

        lock (_gate)
        {
            if (_pooledBytes + buffer.Length > _maxPooledBytes)
            {
                if (_free.Count == 0)
                {
                    return;
                }

                // Make room by dropping the oldest buffer.
                _pooledBytes -= _free[0].Length;
                _free.RemoveAt(0);
                if (_pooledBytes + buffer.Length > _maxPooledBytes)
                {
                    return;
                }
            }

            _free.Add(buffer);
            _pooledBytes += buffer.Length;
        }
    }
}
