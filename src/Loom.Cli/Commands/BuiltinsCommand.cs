using System.CommandLine;
using System.Text.Json;
using Loom.Jobs.Components;
using Spectre.Console;

namespace Loom.Cli.Commands;

/// <summary><c>loom builtins [NAME] [--print] [--json]</c>: the builtin components, one's usage, or its source.</summary>
internal static class BuiltinsCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name")
        {
            Description = "A builtin (e.g. dist.ddp): show its flags, or its source with --print.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var print = new Option<bool>("--print")
        {
            Description = "Print the builtin's source definition.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "List the builtins as JSON lines: {\"name\": …, \"summary\": …}.",
        };
        var command = new Command("builtins", "List the builtin components (utils.sh, dist.ddp, …).")
        {
            name,
            print,
            json,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(name), parseResult.GetValue(print), parseResult.GetValue(json)));
        return command;
    }

    private static int Run(string? name, bool print, bool json)
    {
        var catalog = ComponentCatalog.Builtins;
        if (name is null)
        {
            if (print)
            {
                Console.Error.WriteLine("--print needs a builtin's name, e.g. 'loom builtins dist.ddp --print'.");
                return 2;
            }

            if (json)
            {
                foreach (var component in catalog.Components)
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { name = component.Name, summary = component.Summary }));
                }

                return 0;
            }

            var table = new Table().AddColumns("builtin", "what it runs");
            foreach (var component in catalog.Components)
            {
                table.AddRow(Markup.Escape(component.Name), Markup.Escape(component.Summary));
            }

            AnsiConsole.Write(table);
            return 0;
        }

        if (catalog.Find(name) is not { } found)
        {
            var known = string.Join(", ", catalog.Components.Select(c => c.Name));
            Console.Error.WriteLine($"There is no builtin '{name}'. Builtins: {known}.");
            return 2;
        }

        Console.WriteLine(print ? ComponentCatalog.BuiltinSource(found.Name) ?? $"The source of '{found.Name}' is not available." : found.Usage());
        return 0;
    }
}
