using System.Reflection;

namespace Loom.Jobs.Components;

/// <summary>A component: a public static method returning an <see cref="Specs.AppDef"/>, and its flags.</summary>
public sealed record ComponentInfo
{
    /// <summary>The component's name, such as <c>dist.ddp</c> (type name and method name, lower kebab-case).</summary>
    public required string Name { get; init; }

    /// <summary>The method's description; empty when none.</summary>
    public string Help { get; init; } = "";

    /// <summary>The first line of <see cref="Help"/>.</summary>
    public string Summary => Help.Split('\n', 2)[0].Trim();

    /// <summary>The method that builds the app.</summary>
    public required MethodInfo Method { get; init; }

    /// <summary>The method's parameters as flags, in declaration order.</summary>
    public required IReadOnlyList<ComponentParameter> Parameters { get; init; }

    /// <summary>The usage text: synopsis, description and every flag with its help and default.</summary>
    /// <returns>The usage text.</returns>
    public string Usage() => ComponentUsage.Format(this);
}
