using System.Text.RegularExpressions;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components.Builtins;

/// <summary>Helpers shared by the builtin components.</summary>
internal static partial class BuiltinHelpers
{
    /// <summary>The resource from a named resource <paramref name="h"/> when given, else from cpu, gpu and memMB (as TorchX's <c>specs.resource</c>).</summary>
    public static Resource Resource(int cpu, int gpu, int memMB, string? h) =>
        string.IsNullOrEmpty(h) ? new Resource { Cpu = cpu, Gpu = gpu, MemMB = memMB } : NamedResources.Get(h);

    /// <summary>Quotes a word for a POSIX shell, as Python's <c>shlex.quote</c>.</summary>
    public static string Quote(string word) =>
        word.Length == 0 ? "''" : SafeWord().IsMatch(word) ? word : "'" + word.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";

    /// <summary>Joins words into one shell command, quoting each.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    [GeneratedRegex(@"^[A-Za-z0-9@%+=:,./_-]+$")]
    private static partial Regex SafeWord();
}
