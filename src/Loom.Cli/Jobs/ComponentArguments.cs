using System.CommandLine;

namespace Loom.Cli.Jobs;

/// <summary>
/// Splits <c>loom run</c>'s words into its own options and the component with the component's flags, as TorchX
/// does: the first word that is not one of <c>run</c>'s options (or an option's value) is the component, and every
/// word after it belongs to the component. A <c>--</c> is put before the component so that the parser leaves
/// the component's flags alone.
/// </summary>
internal static class ComponentArguments
{
    public static string[] Separate(string[] args, Command root, string commandName)
    {
        if (args.Length == 0 || args[0] != commandName || root.Subcommands.FirstOrDefault(c => c.Name == commandName) is not { } command)
        {
            return args;
        }

        var i = 1;
        while (i < args.Length)
        {
            var word = args[i];
            if (word == "--")
            {
                return args;
            }

            var name = word.Split('=', 2)[0];
            if (name is "--help" or "-h" or "-?")
            {
                return args;
            }

            var option = command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
            if (option is null)
            {
                break;
            }

            var takesValue = option.ValueType != typeof(bool) && !word.Contains('=', StringComparison.Ordinal);
            i += takesValue ? 2 : 1;
        }

        return i >= args.Length ? args : [.. args[..i], "--", .. args[i..]];
    }
}
