namespace Loom.Tune.Search;

/// <summary>
/// Derives the seed of one suggestion from the search seed and the suggestion's index (SplitMix64), so each suggestion
/// draws from its own stream: resuming at suggestion <c>n</c> needs only <c>n</c>, not a replay of the draws before it.
/// </summary>
internal static class SeedMixer
{
    /// <summary>A random source for one suggestion.</summary>
    /// <param name="seed">The search seed.</param>
    /// <param name="index">The suggestion's index.</param>
    /// <returns>A seeded random source.</returns>
    public static Random For(int seed, long index) => new(Derive(seed, index));

    /// <summary>The seed of one suggestion.</summary>
    /// <param name="seed">The search seed.</param>
    /// <param name="index">The suggestion's index.</param>
    /// <returns>The derived seed.</returns>
    public static int Derive(int seed, long index)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)index;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}
