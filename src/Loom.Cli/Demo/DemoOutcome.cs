using Spectre.Console.Rendering;

namespace Loom.Cli.Demo;

/// <summary>What a demo step produced: a table to show and the checks it made.</summary>
internal sealed record DemoOutcome(string Title, IRenderable Details, IReadOnlyList<DemoCheck> Checks, TimeSpan Elapsed);
