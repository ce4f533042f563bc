using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Loom.Jobs.Specs;

/// <summary>Loads an <see cref="AppDef"/> from a YAML or JSON spec file (JSON is read as YAML).</summary>
public static class AppSpecLoader
{
    /// <summary>Loads and validates the app in a file.</summary>
    /// <param name="path">The file's path; it names the errors' source.</param>
    /// <returns>The valid app.</returns>
    /// <exception cref="AppSpecException">The file is malformed, has unknown or ill-typed fields, or fails validation.</exception>
    public static AppDef LoadFile(string path) => Load(File.ReadAllText(path), path);

    /// <summary>Loads and validates the app in a text.</summary>
    /// <param name="text">YAML or JSON text.</param>
    /// <param name="source">The label errors are reported against, usually the file name.</param>
    /// <returns>The valid app.</returns>
    /// <exception cref="AppSpecException">The text is malformed, has unknown or ill-typed fields, or fails validation.</exception>
    public static AppDef Load(string text, string source = "<spec>")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw new AppSpecException([new SpecError(source, (int)e.Start.Line, (int)e.Start.Column, "", $"malformed YAML: {Trim(message)}")]);
        }

        if (stream.Documents.Count == 0)
        {
            throw new AppSpecException([new SpecError(source, 1, 1, "", "the spec is empty; it needs at least name and roles")]);
        }

        var reader = new SpecReader(source);
        var app = reader.ReadApp(stream.Documents[0].RootNode);
        var errors = reader.Errors;
        var reported = errors.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in AppDefValidator.Validate(app))
        {
            if (!reported.Contains(problem.Path) && !reported.Any(p => problem.Path.StartsWith(p + ".", StringComparison.Ordinal)))
            {
                var (line, column) = reader.Locate(problem.Path);
                errors.Add(new SpecError(source, line, column, problem.Path, $"{problem.Message}; {problem.Fix}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new AppSpecException(errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        return app;
    }

    private static string Trim(string message)
    {
        // YamlDotNet prefixes "(Line: l, Col: c, Idx: i) - (Line: ...): "; the location is already given.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
