using Loom.Jobs.Specs;

namespace Loom.Jobs.Api;

/// <summary>Everything about one job: its state, what it runs and every transition.</summary>
/// <param name="Job">The job.</param>
/// <param name="App">The app it runs.</param>
/// <param name="History">Its transitions, oldest first.</param>
public sealed record JobDescription(JobView Job, AppDef? App, IReadOnlyList<TransitionView> History);
