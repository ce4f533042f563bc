namespace Loom.Tests.PlacementGroups;

/// <summary>Reads how much of a resource the node has handed out (to tasks, actors or bundles).</summary>
internal static class Used
{
    public static double Of(LoomCluster loom, string resource) =>
        loom.GetStatus().Resources.Single(r => r.Name == resource).Used;
}
