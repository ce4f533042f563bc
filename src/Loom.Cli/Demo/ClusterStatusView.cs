using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Loom.Cli.Demo;

/// <summary>Renders <see cref="ClusterStatus"/> as a table of resources plus task, actor and object-store lines.</summary>
internal static class ClusterStatusView
{
    public static IRenderable Render(ClusterStatus status)
    {
        var resources = new Table().Title($"Cluster status (node {Markup.Escape(status.NodeId)})")
            .AddColumn("Resource")
            .AddColumn(new TableColumn("Used").RightAligned())
            .AddColumn(new TableColumn("Total").RightAligned());
        foreach (var resource in status.Resources)
        {
            resources.AddRow(
                Markup.Escape(resource.Name),
                resource.Used.ToString("0.##", CultureInfo.InvariantCulture),
                resource.Total.ToString(resource.Name == "memory" ? "N0" : "0.##", CultureInfo.InvariantCulture));
        }

        var tasks = status.Tasks;
        var lines = new Rows(
            new Text($"Tasks: {tasks.Succeeded} succeeded, {tasks.Failed} failed, {tasks.Running} running, {tasks.Queued} queued, {tasks.WaitingForArguments} waiting for arguments"),
            new Text($"Actors: {status.Actors.Alive} alive, {status.Actors.Dead} dead, {status.Actors.Pending} pending"),
            new Text(string.Create(CultureInfo.InvariantCulture, $"Object store: {status.ObjectStore.Objects} objects, {status.ObjectStore.BytesInMemory:N0} of {status.ObjectStore.CapacityBytes:N0} bytes")));
        return new Rows(resources, lines);
    }
}
