namespace Loom.Jobs.Components;

/// <summary>One parameter of a component, seen as a command-line flag.</summary>
public sealed record ComponentParameter
{
    /// <summary>The C# parameter's name.</summary>
    public required string Name { get; init; }

    /// <summary>The flag, kebab-case of the name without dashes (for example <c>num-replicas</c>).</summary>
    public required string Flag { get; init; }

    /// <summary>Other spellings accepted for the flag (the name as written, and its snake_case).</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>The parameter's type.</summary>
    public required Type Type { get; init; }

    /// <summary>The help text, from <see cref="System.ComponentModel.DescriptionAttribute"/>; empty when none.</summary>
    public string Help { get; init; } = "";

    /// <summary>Whether the flag must be given.</summary>
    public bool IsRequired { get; init; }

    /// <summary>The value used when the flag is not given.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>Whether this is the trailing <c>string[]</c> parameter that takes the words after <c>--</c>.</summary>
    public bool IsTrailingArgs { get; init; }

    /// <summary>The flag as typed: <c>-j</c> for one letter, <c>--num-replicas</c> otherwise.</summary>
    public string Switch => Flag.Length == 1 ? "-" + Flag : "--" + Flag;
}
