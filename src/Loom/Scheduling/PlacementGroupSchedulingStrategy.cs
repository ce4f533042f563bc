namespace Loom;

/// <summary>
/// Runs the work inside a bundle of a placement group, on the resources the bundle reserved. Work
/// submitted before the group is created waits for it; work in a removed group fails.
/// </summary>
/// <param name="PlacementGroup">The group.</param>
/// <param name="BundleIndex">The bundle (0-based), or -1 for any bundle that can hold the work.</param>
public sealed record PlacementGroupSchedulingStrategy(PlacementGroup PlacementGroup, int BundleIndex = -1) : SchedulingStrategy;
