using System.Reflection;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components;

/// <summary>Binds command-line words to a component's parameters and calls it.</summary>
internal static class ComponentBinder
{
    public static AppDef Invoke(ComponentInfo component, IReadOnlyList<string> tokens)
    {
        var values = Bind(component, tokens);
        try
        {
            return (AppDef)(component.Method.Invoke(null, values)
                ?? throw new ComponentBindingException($"{component.Name} returned no app", component.Usage()));
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException inner)
        {
            throw new ComponentBindingException($"{component.Name}: {inner.Message}", component.Usage(), inner);
        }
    }

    public static object?[] Bind(ComponentInfo component, IReadOnlyList<string> tokens)
    {
        var parameters = component.Parameters;
        var values = new object?[parameters.Count];
        var given = new bool[parameters.Count];
        var trailing = new List<string>();
        var trailingIndex = parameters.ToList().FindIndex(p => p.IsTrailingArgs);
        ComponentBindingException Fail(string message) => new(message, component.Usage());

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "--")
            {
                trailing.AddRange(tokens.Skip(i + 1));
                break;
            }

            if (!token.StartsWith('-') || token.Length == 1 || char.IsDigit(token[1]))
            {
                if (trailingIndex < 0)
                {
                    throw Fail($"{component.Name} takes no positional arguments, got \"{token}\"");
                }

                trailing.Add(token);
                continue;
            }

            var body = token.TrimStart('-');
            string? inline = null;
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inline = body[(eq + 1)..];
                body = body[..eq];
            }

            var index = Find(parameters, body);
            if (index < 0)
            {
                var names = parameters.Where(p => !p.IsTrailingArgs).Select(p => p.Flag).ToList();
                throw Fail($"{component.Name}: {DidYouMean.Describe("flag", body, names).Replace("\"", "", StringComparison.Ordinal)}");
            }

            var p = parameters[index];
            if (given[index])
            {
                throw Fail($"{component.Name}: {p.Switch} is given twice");
            }

            string text;
            if (inline is not null)
            {
                text = inline;
            }
            else if (FlagValues.IsBool(p.Type))
            {
                var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
                text = next is not null && bool.TryParse(next, out _) ? tokens[++i] : "true";
            }
            else if (i + 1 < tokens.Count && tokens[i + 1] != "--")
            {
                text = tokens[++i];
            }
            else
            {
                throw Fail($"{component.Name}: {p.Switch} needs a value");
            }

            if (!FlagValues.TryParse(text, p.Type, out var value, out var expected))
            {
                throw Fail($"{component.Name}: {p.Switch}: expected {expected}, got \"{text}\"");
            }

            values[index] = value;
            given[index] = true;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (p.IsTrailingArgs)
            {
                values[i] = trailing.ToArray();
            }
            else if (!given[i])
            {
                values[i] = p.IsRequired ? throw Fail($"{component.Name}: {p.Switch} is required") : p.DefaultValue;
            }
        }

        return values;
    }

    private static int Find(IReadOnlyList<ComponentParameter> parameters, string flag)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            if (!p.IsTrailingArgs && (p.Flag == flag || p.Aliases.Contains(flag)))
            {
                return i;
            }
        }

        return -1;
    }
}
