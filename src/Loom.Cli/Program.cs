using Loom.Cli.Commands;
using Loom.Cli.Jobs;

var root = LoomRootCommand.Create();
return await root.Parse(ComponentArguments.Separate(args, root, "run")).InvokeAsync().ConfigureAwait(false);
