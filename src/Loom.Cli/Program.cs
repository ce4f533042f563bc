using Loom.Cli.Commands;

return await LoomRootCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
