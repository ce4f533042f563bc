namespace Loom.Jobs.Schedulers;

/// <summary>One run option a scheduler takes through <c>-cfg key=value</c>, as <c>loom runopts</c> lists it.</summary>
/// <param name="Name">The key.</param>
/// <param name="Type">The kind of value (str, int, bool, duration, …).</param>
/// <param name="Default">What applies when it is not given.</param>
/// <param name="Help">What it does.</param>
public sealed record RunOptionInfo(string Name, string Type, string Default, string Help);
