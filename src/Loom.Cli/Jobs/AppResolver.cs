using System.Reflection;
using System.Runtime.Loader;
using Loom.Jobs.Components;
using Loom.Jobs.Specs;

namespace Loom.Cli.Jobs;

/// <summary>
/// Turns what follows <c>loom run</c>'s own options into an app: a spec file (<c>app.yaml</c>, <c>app.json</c>),
/// a component in an assembly (<c>./Components.dll:my.train --lr 0.1</c>), or a builtin (<c>utils.sh --gpu 1 -- cmd</c>).
/// A <c>--script</c> given to a component must exist; it is staged into every replica's working directory.
/// </summary>
internal static class AppResolver
{
    public static AppDef Resolve(string target, IReadOnlyList<string> tokens, string workingDirectory)
    {
        if (IsSpecFile(target))
        {
            if (tokens.Count > 0)
            {
                throw new CliFailure($"A spec file takes no component flags, but got '{string.Join(' ', tokens)}'. Put settings in the file.", ExitCodes.Usage);
            }

            var path = Path.GetFullPath(target, workingDirectory);
            if (!File.Exists(path))
            {
                throw new CliFailure($"The spec file '{target}' does not exist (looked for {path}).", ExitCodes.Usage);
            }

            return AppSpecLoader.LoadFile(path);
        }

        var (catalog, name) = Catalog(target, workingDirectory);
        if (ComponentCatalog.WantsHelp(tokens))
        {
            throw new ComponentHelpRequested(catalog.Get(name).Usage());
        }

        var app = catalog.Bind(name, tokens);
        return WithScript(app, tokens, workingDirectory);
    }

    /// <summary>The folder relative inputs resolve against: a spec file's own folder, else the current folder.</summary>
    public static string BaseDirectory(string target, string workingDirectory) =>
        IsSpecFile(target) ? Path.GetDirectoryName(Path.GetFullPath(target, workingDirectory))! : workingDirectory;

    private static bool IsSpecFile(string target) =>
        target.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || target.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || target.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static (ComponentCatalog Catalog, string Name) Catalog(string target, string workingDirectory)
    {
        var colon = target.LastIndexOf(':');
        var source = colon > 0 ? target[..colon] : "";
        var isAssembly = source.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var isProject = source.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
        if (!isAssembly && !isProject)
        {
            return (ComponentCatalog.Builtins, target);
        }

        var path = Path.GetFullPath(source, workingDirectory);
        if (!File.Exists(path))
        {
            throw new CliFailure($"The component {(isProject ? "project" : "assembly")} '{source}' does not exist (looked for {path}).", ExitCodes.Usage);
        }

        if (isProject)
        {
            path = ComponentProject.Build(path);
        }

        Assembly assembly;
        try
        {
            assembly = new AssemblyLoadContext("components:" + path).LoadFromAssemblyPath(path);
        }
        catch (BadImageFormatException e)
        {
            throw new CliFailure($"'{path}' is not a .NET assembly: {e.Message}", ExitCodes.Usage);
        }

        return (ComponentCatalog.FromAssembly(assembly), target[(colon + 1)..]);
    }

    private static AppDef WithScript(AppDef app, IReadOnlyList<string> tokens, string workingDirectory)
    {
        var script = ScriptValue(tokens);
        if (script is null || Path.IsPathRooted(script))
        {
            return script is null || File.Exists(script)
                ? app
                : throw new CliFailure($"The script '{script}' does not exist.", ExitCodes.Usage);
        }

        var full = Path.GetFullPath(script, workingDirectory);
        if (!File.Exists(full))
        {
            throw new CliFailure($"The script '{script}' does not exist (looked for {full}). Give a path relative to the current folder.", ExitCodes.Usage);
        }

        return app with { Inputs = [.. app.Inputs, new InputSpec(full, null, script)] };
    }

    private static string? ScriptValue(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count && tokens[i] != "--"; i++)
        {
            if (tokens[i] == "--script" && i + 1 < tokens.Count)
            {
                return tokens[i + 1];
            }

            if (tokens[i].StartsWith("--script=", StringComparison.Ordinal))
            {
                return tokens[i]["--script=".Length..];
            }
        }

        return null;
    }
}
