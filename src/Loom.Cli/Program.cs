using Loom.Cli.Commands;
using Loom.Cli.Jobs;

var root = LoomRootCommand.Create();
var parsed = root.Parse(ComponentArguments.Separate(args, root, "run"));
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync($"Run '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Prepend("loom"))} --help' for usage.").ConfigureAwait(false);
    return ExitCodes.Usage;
}

return await parsed.InvokeAsync().ConfigureAwait(false);
