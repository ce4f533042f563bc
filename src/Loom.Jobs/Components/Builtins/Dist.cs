namespace Loom.Jobs.Components.Builtins;

/// <summary>Distributed training builtin components (<c>dist.*</c>), with TorchX's parameter names.</summary>
public static partial class Dist
{
}
