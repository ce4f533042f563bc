using System.ComponentModel;
using System.Reflection;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components;

/// <summary>
/// The components found in an assembly: public static methods of public types that return an
/// <see cref="AppDef"/>. A component's name is its type's and method's names in lower kebab-case
/// (<c>Dist.Ddp</c> is <c>dist.ddp</c>); its parameters are its flags.
/// </summary>
public sealed class ComponentCatalog
{
    private const string BuiltinsNamespace = "Loom.Jobs.Components.Builtins";
    private const string SourcePrefix = "Loom.Jobs.Builtins.";

    private static readonly Lazy<ComponentCatalog> BuiltinCatalog =
        new(() => FromAssembly(typeof(JobsAssembly).Assembly, BuiltinsNamespace));

    private readonly Dictionary<string, ComponentInfo> _byName;

    private ComponentCatalog(IEnumerable<ComponentInfo> components)
    {
        Components = components.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        _byName = Components.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>Loom's builtin components (<c>utils.echo</c>, <c>dist.ddp</c>, …).</summary>
    public static ComponentCatalog Builtins => BuiltinCatalog.Value;

    /// <summary>Every component, ordered by name.</summary>
    public IReadOnlyList<ComponentInfo> Components { get; }

    /// <summary>Finds the components in an assembly.</summary>
    /// <param name="assembly">The assembly to search.</param>
    /// <param name="inNamespace">Only types in this namespace, when given.</param>
    /// <returns>The catalog.</returns>
    public static ComponentCatalog FromAssembly(Assembly assembly, string? inNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var methods = assembly.GetExportedTypes()
            .Where(t => inNamespace is null || t.Namespace == inNamespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(AppDef) && !m.IsSpecialName && !m.IsGenericMethodDefinition);
        return new ComponentCatalog(methods.Select(Describe));
    }

    /// <summary>Describes one method as a component.</summary>
    /// <param name="method">A static method returning <see cref="AppDef"/>.</param>
    /// <returns>The component.</returns>
    public static ComponentInfo Describe(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!method.IsStatic || method.ReturnType != typeof(AppDef))
        {
            throw new ArgumentException($"{method.Name} is not a static method returning AppDef", nameof(method));
        }

        var ps = method.GetParameters();
        var parameters = ps.Select((p, i) =>
        {
            var name = p.Name ?? $"arg{i}";
            var flag = FlagNames.Kebab(name);
            var trailing = i == ps.Length - 1 && p.ParameterType == typeof(string[])
                           && (p.IsDefined(typeof(ParamArrayAttribute)) || name is "args" or "scriptArgs");
            return new ComponentParameter
            {
                Name = name,
                Flag = flag,
                Aliases = new[] { name, FlagNames.Snake(name) }.Where(a => a != flag).Distinct(StringComparer.Ordinal).ToList(),
                Type = p.ParameterType,
                Help = p.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "",
                IsRequired = !trailing && !p.HasDefaultValue,
                DefaultValue = p.HasDefaultValue ? p.DefaultValue : null,
                IsTrailingArgs = trailing,
            };
        }).ToList();

        return new ComponentInfo
        {
            Name = $"{FlagNames.Kebab(method.DeclaringType!.Name)}.{FlagNames.Kebab(method.Name)}",
            Help = method.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "",
            Method = method,
            Parameters = parameters,
        };
    }

    /// <summary>Finds a component by name.</summary>
    /// <param name="name">A name such as <c>utils.sh</c>.</param>
    /// <returns>The component, or null.</returns>
    public ComponentInfo? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Returns a component by name.</summary>
    /// <param name="name">A name such as <c>utils.sh</c>.</param>
    /// <returns>The component.</returns>
    /// <exception cref="ComponentBindingException">No component has that name.</exception>
    public ComponentInfo Get(string name) =>
        Find(name) ?? throw new ComponentBindingException(DidYouMean.Describe("component", name, _byName.Keys));

    /// <summary>Binds command-line words to a component's flags and calls it.</summary>
    /// <param name="name">The component's name.</param>
    /// <param name="tokens">The words after the component's name, for example <c>--gpu 4 -- sleep 2</c>.</param>
    /// <returns>The app the component builds.</returns>
    /// <exception cref="ComponentBindingException">An unknown component or flag, a missing required flag, a bad value, or a value the component rejects; carries the usage text.</exception>
    public AppDef Bind(string name, IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return ComponentBinder.Invoke(Get(name), tokens);
    }

    /// <summary>Whether the words ask for help (<c>--help</c> before any <c>--</c>).</summary>
    /// <param name="tokens">The words after the component's name.</param>
    /// <returns>Whether help is asked for.</returns>
    public static bool WantsHelp(IReadOnlyList<string> tokens) =>
        tokens is not null && tokens.TakeWhile(t => t != "--").Contains("--help");

    /// <summary>The C# source that defines a builtin component, for <c>loom builtins --print</c>.</summary>
    /// <param name="name">A builtin's name, such as <c>dist.ddp</c>.</param>
    /// <returns>The source text, or null when the component is not a builtin.</returns>
    public static string? BuiltinSource(string name)
    {
        var component = Builtins.Find(name);
        if (component is null)
        {
            return null;
        }

        var resource = $"{SourcePrefix}{component.Method.DeclaringType!.Name}.{component.Method.Name}.cs";
        using var stream = typeof(JobsAssembly).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
