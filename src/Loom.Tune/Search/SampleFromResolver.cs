namespace Loom.Tune.Search;

/// <summary>
/// Resolves <see cref="SampleFrom"/> leaves after the other values, in passes as Ray does: a function that reads a value
/// not resolved yet (a <see cref="KeyNotFoundException"/>) is tried again in the next pass.
/// </summary>
internal static class SampleFromResolver
{
    /// <summary>Resolves the functions, adding their values to <paramref name="resolved"/>.</summary>
    /// <param name="functions">The <see cref="SampleFrom"/> leaves, in declaration order.</param>
    /// <param name="resolved">The values so far.</param>
    /// <param name="random">The random source.</param>
    /// <exception cref="InvalidOperationException">A function depends on a value that is never resolved.</exception>
    public static void Resolve(IReadOnlyList<SpaceLeaf> functions, List<KeyValuePair<string, object?>> resolved, Random random)
    {
        var pending = functions.ToList();
        while (pending.Count > 0)
        {
            KeyNotFoundException? missing = null;
            var deferred = new List<SpaceLeaf>();
            foreach (var leaf in pending)
            {
                try
                {
                    resolved.Add(new(leaf.Name, ((Domain)leaf.Entry!).Sample(random, new TrialConfig(resolved))));
                }
                catch (KeyNotFoundException e)
                {
                    missing = e;
                    deferred.Add(leaf);
                }
            }

            if (deferred.Count == pending.Count)
            {
                throw new InvalidOperationException(
                    $"Cannot resolve SampleFrom {string.Join(", ", deferred.Select(l => $"'{l.Name}'"))}: each reads a value that is never resolved (a cycle or a missing name).",
                    missing);
            }

            pending = deferred;
        }
    }
}
