namespace Loom.Jobs.Api;

/// <summary>The headers of the log endpoint.</summary>
public static class LogHeaders
{
    /// <summary>The byte offset to read from next.</summary>
    public const string NextOffset = "Loom-Next-Offset";
}
