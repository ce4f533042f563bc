namespace Loom.Jobs;

/// <summary>Marks the Loom Jobs assembly (for locating it, e.g. its builtin component definitions).</summary>
public static class JobsAssembly;
