namespace Loom;

/// <summary>The outcome of <see cref="LoomCluster.WaitAsync{T}(IEnumerable{ObjectRef{T}}, int, TimeSpan?, CancellationToken)"/>.</summary>
/// <typeparam name="T">The referenced values' type.</typeparam>
/// <param name="Ready">The refs that are ready (or failed), in the order given.</param>
/// <param name="Pending">The refs still pending, in the order given.</param>
public sealed record WaitResult<T>(IReadOnlyList<ObjectRef<T>> Ready, IReadOnlyList<ObjectRef<T>> Pending);
