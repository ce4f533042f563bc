namespace Loom.Examples.TuneBreastCancer;

/// <summary>The Loom Tune benchmark on the sample problem (<c>--bench</c>).</summary>
public static class TuneBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
