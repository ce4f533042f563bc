using System.Globalization;
using System.Text;

namespace Loom.Jobs.Components;

/// <summary>Formats a component's usage text.</summary>
internal static class ComponentUsage
{
    public static string Format(ComponentInfo component)
    {
        var sb = new StringBuilder();
        var trailing = component.Parameters.FirstOrDefault(p => p.IsTrailingArgs);
        sb.Append(CultureInfo.InvariantCulture, $"usage: {component.Name} [flags]");
        if (trailing is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" [-- {trailing.Flag}...]");
        }

        sb.AppendLine();
        if (component.Help.Length > 0)
        {
            sb.AppendLine(component.Help.Trim());
        }

        var flags = component.Parameters.Where(p => !p.IsTrailingArgs).ToList();
        if (flags.Count > 0)
        {
            sb.AppendLine("flags:");
        }

        foreach (var p in flags)
        {
            var head = $"{p.Switch} {TypeWord(p.Type)}";
            var also = p.Aliases.Count > 0 ? $" (also {string.Join(", ", p.Aliases.Select(a => "--" + a))})" : "";
            var tail = p.IsRequired ? " (required)" : p.DefaultValue is null ? "" : $" (default: {Show(p.DefaultValue)})";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {head,-28} {p.Help}{tail}{also}");
        }

        if (trailing is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {"-- " + trailing.Flag + "...",-28} {trailing.Help}");
        }

        return sb.ToString();
    }

    private static string Show(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => s.Length == 0 ? "\"\"" : s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string TypeWord(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) ? "N"
            : t == typeof(double) ? "NUMBER"
            : t == typeof(bool) ? "[true|false]"
            : t.IsEnum ? string.Join("|", Enum.GetNames(t))
            : FlagValues.IsMap(t) ? "K=V,..."
            : t == typeof(string[]) ? "A,B,..."
            : "TEXT";
    }
}
