using System.Text;

namespace Loom.Jobs.Components;

/// <summary>Turns C# names into flag and component names.</summary>
internal static class FlagNames
{
    /// <summary>kebab-case: <c>numReplicas</c> → <c>num-replicas</c>, <c>memMB</c> → <c>mem-mb</c>.</summary>
    public static string Kebab(string name) => Split(name, '-');

    /// <summary>snake_case: <c>numReplicas</c> → <c>num_replicas</c>.</summary>
    public static string Snake(string name) => Split(name, '_');

    private static string Split(string name, char separator)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var prev = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(prev) || char.IsDigit(prev) || (char.IsUpper(prev) && nextIsLower))
                {
                    sb.Append(separator);
                }
            }

            sb.Append(c is '_' or '-' ? separator : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
