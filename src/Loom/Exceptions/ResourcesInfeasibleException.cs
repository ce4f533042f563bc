namespace Loom;

/// <summary>A task or actor asks for more than the node has in total, so it could never run.</summary>
public sealed class ResourcesInfeasibleException : LoomException
{
    /// <summary>Creates the error with the request, the node's totals and what does not fit.</summary>
    public ResourcesInfeasibleException(string owner, string request, string nodeTotals, string problems)
        : base($"{owner} can never run here: it asks for [{request}] but the node has [{nodeTotals}] in total ({problems}). Ask for less, or start the cluster with more resources (LocalClusterOptions).")
    {
        Request = request;
        NodeTotals = nodeTotals;
    }

    internal ResourcesInfeasibleException(string message, string request, string totals)
        : base(message)
    {
        Request = request;
        NodeTotals = totals;
    }

    /// <summary>The request, as text.</summary>
    public string Request { get; }

    /// <summary>The node's total resources, as text.</summary>
    public string NodeTotals { get; }
}
