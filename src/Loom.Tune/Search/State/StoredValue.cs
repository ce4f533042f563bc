namespace Loom.Tune.Search.State;

/// <summary>A config value in a saved state, with its type, so <c>2.0</c> comes back a <see cref="double"/> and <c>2</c> a <see cref="long"/>.</summary>
internal sealed record StoredValue
{
    /// <summary>The type: <c>double</c>, <c>long</c>, <c>string</c>, <c>bool</c> or <c>null</c>.</summary>
    public string Type { get; init; } = "null";

    /// <summary>The value of a <c>double</c>.</summary>
    public double? Double { get; init; }

    /// <summary>The value of a <c>long</c>.</summary>
    public long? Long { get; init; }

    /// <summary>The value of a <c>string</c>.</summary>
    public string? String { get; init; }

    /// <summary>The value of a <c>bool</c>.</summary>
    public bool? Bool { get; init; }

    /// <summary>Stores a normalised value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The stored value.</returns>
    public static StoredValue From(object? value) => value switch
    {
        null => new StoredValue(),
        double d => new StoredValue { Type = "double", Double = d },
        long l => new StoredValue { Type = "long", Long = l },
        string s => new StoredValue { Type = "string", String = s },
        bool b => new StoredValue { Type = "bool", Bool = b },
        _ => From(ConfigValues.Normalize(value, "A config value")),
    };

    /// <summary>The value.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The stored value is malformed.</exception>
    public object? ToValue() => Type switch
    {
        "null" => null,
        "double" when Double is { } d => d,
        "long" when Long is { } l => l,
        "string" when String is { } s => s,
        "bool" when Bool is { } b => b,
        _ => throw new FormatException($"A saved config value of type '{Type}' has no value."),
    };
}
