using System.Globalization;

namespace Loom.Tune;

/// <summary>
/// A trial's hyperparameters: names to values, where a nested search space appears as names joined with
/// <c>/</c> (<c>optimizer/lr</c>), as Ray flattens nested configs. Values are numbers (<see cref="double"/>,
/// <see cref="long"/>), strings, booleans or null. Immutable.
/// </summary>
public sealed class TrialConfig
{
    private readonly SortedDictionary<string, object?> _values;

    /// <summary>Creates a config from flat name/value pairs.</summary>
    /// <param name="values">The values.</param>
    public TrialConfig(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            _values[name] = value;
        }
    }

    /// <summary>The empty config.</summary>
    public static TrialConfig Empty { get; } = new([]);

    /// <summary>The values by flat name, in name order.</summary>
    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>A value.</summary>
    /// <param name="name">The flat name, e.g. <c>lr</c> or <c>optimizer/lr</c>.</param>
    public object? this[string name] => _values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"The config has no '{name}'; it has: {string.Join(", ", _values.Keys)}.");

    /// <summary>A value converted to <typeparamref name="T"/> (numbers convert between integer and floating types).</summary>
    /// <typeparam name="T">The type wanted.</typeparam>
    /// <param name="name">The flat name.</param>
    /// <returns>The value.</returns>
    public T Get<T>(string name)
    {
        var value = this[name];
        if (value is T typed)
        {
            return typed;
        }

        return (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture)!;
    }

    /// <summary>A copy with some values replaced or added.</summary>
    /// <param name="changes">The new values.</param>
    /// <returns>The new config.</returns>
    public TrialConfig With(IEnumerable<KeyValuePair<string, object?>> changes)
    {
        var merged = new Dictionary<string, object?>(_values, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            merged[name] = value;
        }

        return new TrialConfig(merged);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", _values.Select(v => $"{v.Key}={Format(v.Value)}"));

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
