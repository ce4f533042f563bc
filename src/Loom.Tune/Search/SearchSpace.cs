using System.Collections;

namespace Loom.Tune.Search;

/// <summary>
/// An ordered, nested parameter space, as Ray Tune's <c>param_space</c>: names to domains (<see cref="Tune"/>), constants
/// (numbers, strings, bools, null) or nested spaces, whose names are joined with <c>/</c> in trial configs.
/// <code>
/// new SearchSpace
/// {
///     ["lr"] = Tune.LogUniform(1e-4, 1e-1),
///     ["layers"] = Tune.Choice(2, 3, 4),
///     ["batch"] = 64,
///     ["optimizer"] = new SearchSpace { ["momentum"] = Tune.Uniform(0.8, 0.99) },
/// }
/// </code>
/// </summary>
public sealed class SearchSpace : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _entries = [];

    /// <summary>The number of top-level entries.</summary>
    public int Count => _entries.Count;

    /// <summary>A top-level entry; setting one that exists replaces it in place.</summary>
    /// <param name="name">The name: not empty, without <c>/</c>.</param>
    /// <exception cref="KeyNotFoundException">Getting a name the space does not have.</exception>
    /// <exception cref="ArgumentException">Setting an invalid name or a value of an unsupported type.</exception>
    public object? this[string name]
    {
        get
        {
            var index = IndexOf(name);
            return index >= 0
                ? _entries[index].Value
                : throw new KeyNotFoundException($"The search space has no '{name}'; it has: {string.Join(", ", _entries.Select(e => e.Key))}.");
        }

        set
        {
            var entry = new KeyValuePair<string, object?>(CheckName(name), CheckEntry(name, value));
            var index = IndexOf(name);
            if (index >= 0)
            {
                _entries[index] = entry;
            }
            else
            {
                _entries.Add(entry);
            }
        }
    }

    /// <summary>Adds an entry (fluently, or through a collection initializer <c>{ { "lr", Tune.Uniform(0, 1) } }</c>).</summary>
    /// <param name="name">The name: not empty, without <c>/</c>, not in the space yet.</param>
    /// <param name="entry">A <see cref="Domain"/>, a nested <see cref="SearchSpace"/>, or a constant.</param>
    /// <returns>This space.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the value's type is unsupported.</exception>
    public SearchSpace Add(string name, object? entry)
    {
        if (IndexOf(name) >= 0)
        {
            throw new ArgumentException($"The search space already has '{name}'; use the indexer to replace it.", nameof(name));
        }

        this[name] = entry;
        return this;
    }

    /// <summary>Every leaf, depth first in declaration order, with nested names joined by <c>/</c>.</summary>
    /// <returns>The flat names and their entries: a <see cref="Domain"/> or a constant.</returns>
    public IReadOnlyList<(string Name, object? Entry)> Flatten() => [.. Leaves().Select(l => (l.Name, l.Entry))];

    /// <summary>
    /// The cross product of the values of every <see cref="GridSearch"/>, each variant holding only the grid parameters.
    /// As Ray's variant generator, the grid parameters are ordered by their path and the first one varies fastest: for
    /// <c>a = GridSearch(1, 2)</c> and <c>b = GridSearch("x", "y", "z")</c>: (1, x), (2, x), (1, y), (2, y), (1, z), (2, z).
    /// Without grids, one empty variant.
    /// </summary>
    /// <returns>The variants.</returns>
    public IReadOnlyList<TrialConfig> GridVariants() => GridVariantsWithout(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>
    /// Completes a trial config: the values in <paramref name="gridVariant"/> are kept (a grid variant, or any preset
    /// values), constants are copied, the other domains are sampled in declaration order, then every <see cref="SampleFrom"/>
    /// is resolved with the values so far.
    /// </summary>
    /// <param name="gridVariant">Values to keep: it must hold every grid parameter; its names must be in the space.</param>
    /// <param name="random">The random source.</param>
    /// <returns>The complete config.</returns>
    /// <exception cref="ArgumentException">A name is not in the space, a grid parameter is missing, or a value's type is unsupported.</exception>
    /// <exception cref="InvalidOperationException">A <see cref="SampleFrom"/> cannot be resolved.</exception>
    public TrialConfig Resolve(TrialConfig gridVariant, Random random)
    {
        ArgumentNullException.ThrowIfNull(gridVariant);
        ArgumentNullException.ThrowIfNull(random);
        var leaves = Leaves();
        CheckNames(gridVariant.Values.Keys, leaves);
        var resolved = new List<KeyValuePair<string, object?>>(leaves.Count);
        var functions = new List<SpaceLeaf>();
        foreach (var leaf in leaves)
        {
            if (gridVariant.Values.TryGetValue(leaf.Name, out var given))
            {
                resolved.Add(new(leaf.Name, ConfigValues.Normalize(given, $"The value of '{leaf.Name}'")));
            }
            else if (leaf.Entry is GridSearch)
            {
                throw new ArgumentException($"'{leaf.Name}' is a grid search: the grid variant must give its value.", nameof(gridVariant));
            }
            else if (leaf.Entry is SampleFrom)
            {
                functions.Add(leaf);
            }
            else if (leaf.Entry is Domain domain)
            {
                resolved.Add(new(leaf.Name, domain.Sample(random, new TrialConfig(resolved))));
            }
            else
            {
                resolved.Add(new(leaf.Name, leaf.Entry));
            }
        }

        SampleFromResolver.Resolve(functions, resolved, random);
        return new TrialConfig(resolved);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The grid variants over the grid parameters not in <paramref name="fixedNames"/>.</summary>
    /// <param name="fixedNames">Grid parameters to leave out (a preset gives their values).</param>
    /// <returns>The variants.</returns>
    internal IReadOnlyList<TrialConfig> GridVariantsWithout(IReadOnlySet<string> fixedNames)
    {
        var grids = Leaves()
            .Where(l => l.Entry is GridSearch && !fixedNames.Contains(l.Name))
            .OrderBy(l => l.Path, PathOrder.Instance)
            .Select(l => (l.Name, ((GridSearch)l.Entry!).Values))
            .ToList();
        var count = grids.Aggregate(1L, (total, g) => checked(total * g.Values.Count));
        var variants = new List<TrialConfig>((int)Math.Min(count, int.MaxValue));
        var indices = new int[grids.Count];
        for (var n = 0L; n < count; n++)
        {
            variants.Add(new TrialConfig(grids.Select((g, i) => new KeyValuePair<string, object?>(g.Name, g.Values[indices[i]]))));
            for (var i = 0; i < indices.Length; i++)
            {
                if (++indices[i] < grids[i].Values.Count)
                {
                    break;
                }

                indices[i] = 0;
            }
        }

        return variants;
    }

    /// <summary>The leaves with their paths.</summary>
    /// <returns>The leaves, depth first in declaration order.</returns>
    internal IReadOnlyList<SpaceLeaf> Leaves()
    {
        var leaves = new List<SpaceLeaf>();
        Collect([], leaves);
        return leaves;
    }

    /// <summary>Checks that every name is a leaf of the space.</summary>
    /// <param name="names">The flat names.</param>
    /// <param name="leaves">The space's leaves.</param>
    /// <exception cref="ArgumentException">A name is not a leaf.</exception>
    internal static void CheckNames(IEnumerable<string> names, IReadOnlyList<SpaceLeaf> leaves)
    {
        var known = leaves.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Where(n => !known.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"The search space has no parameter {string.Join(", ", unknown.Select(n => $"'{n}'"))}; it has: {string.Join(", ", known)}.");
        }
    }

    private void Collect(string[] prefix, List<SpaceLeaf> leaves)
    {
        foreach (var (name, entry) in _entries)
        {
            string[] path = [.. prefix, name];
            if (entry is SearchSpace nested)
            {
                nested.Collect(path, leaves);
            }
            else
            {
                leaves.Add(new SpaceLeaf(string.Join('/', path), path, entry));
            }
        }
    }

    private int IndexOf(string name) => _entries.FindIndex(e => string.Equals(e.Key, name, StringComparison.Ordinal));

    private static string CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A search space name must be non-empty and without '/' (nest spaces instead); got '{name}'.", nameof(name));
        }

        return name;
    }

    private object? CheckEntry(string name, object? entry)
    {
        if (ReferenceEquals(entry, this) || (entry is SearchSpace nested && nested.Contains(this)))
        {
            throw new ArgumentException($"'{name}': a search space cannot contain itself.", nameof(entry));
        }

        return entry is Domain or SearchSpace ? entry : ConfigValues.Normalize(entry, $"'{name}'");
    }

    private bool Contains(SearchSpace other) =>
        _entries.Any(e => ReferenceEquals(e.Value, other) || (e.Value is SearchSpace nested && nested.Contains(other)));
}
