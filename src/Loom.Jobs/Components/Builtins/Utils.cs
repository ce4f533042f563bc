namespace Loom.Jobs.Components.Builtins;

/// <summary>General-purpose builtin components (<c>utils.*</c>), with TorchX's parameter names.</summary>
public static partial class Utils
{
    /// <summary>The image builtins use when none is given: run on the host as is.</summary>
    public const string DefaultImage = "";
}
