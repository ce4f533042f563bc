using System.Text;

namespace Loom.Jobs.Specs;

/// <summary>
/// The values of the macros substituted into a replica's args and env, as TorchX's <c>macros.Values</c>:
/// <c>${app_id}</c>, <c>${replica_id}</c>, <c>${rank0_env}</c> and <c>${img_root}</c>.
/// Substitution follows Python's <c>string.Template.safe_substitute</c>: <c>$$</c> becomes <c>$</c>,
/// <c>${name}</c> and <c>$name</c> are replaced when known, and anything else is left as written.
/// </summary>
/// <param name="AppId">The job's id.</param>
/// <param name="ReplicaId">The replica's index within its role, as text.</param>
/// <param name="Rank0Env">The name of the environment variable that holds the rank-0 replica's host.</param>
/// <param name="ImgRoot">The root folder of the image on the host.</param>
public sealed record MacroValues(string AppId, string ReplicaId, string Rank0Env, string ImgRoot)
{
    /// <summary>The <c>${app_id}</c> macro.</summary>
    public const string AppIdMacro = "${app_id}";

    /// <summary>The <c>${replica_id}</c> macro.</summary>
    public const string ReplicaIdMacro = "${replica_id}";

    /// <summary>The <c>${rank0_env}</c> macro.</summary>
    public const string Rank0EnvMacro = "${rank0_env}";

    /// <summary>The <c>${img_root}</c> macro.</summary>
    public const string ImgRootMacro = "${img_root}";

    /// <summary>Returns a copy of the role with its args and env values substituted, as TorchX's <c>Values.apply</c>.</summary>
    /// <param name="role">The role as defined.</param>
    /// <returns>The role for one replica.</returns>
    public Role Apply(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return role with
        {
            Args = role.Args.Select(Substitute).ToArray(),
            Env = role.Env.ToDictionary(kv => kv.Key, kv => Substitute(kv.Value), StringComparer.Ordinal),
        };
    }

    /// <summary>Substitutes the macros in one string.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with known macros replaced.</returns>
    public string Substitute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                sb.Append('$');
                i += 2;
            }
            else if (next == '{')
            {
                var close = text.IndexOf('}', i + 2);
                var name = close < 0 ? null : text[(i + 2)..close];
                if (name is not null && Lookup(name) is { } value)
                {
                    sb.Append(value);
                    i = close + 1;
                }
                else
                {
                    sb.Append(c);
                    i++;
                }
            }
            else
            {
                var end = i + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                if (Lookup(text[(i + 1)..end]) is { } value)
                {
                    sb.Append(value);
                    i = end;
                }
                else
                {
                    sb.Append(c);
                    i++;
                }
            }
        }

        return sb.ToString();
    }

    private string? Lookup(string name) => name switch
    {
        "app_id" => AppId,
        "replica_id" => ReplicaId,
        "rank0_env" => Rank0Env,
        "img_root" => ImgRoot,
        _ => null,
    };
}
