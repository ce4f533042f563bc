using System.ComponentModel;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components.Builtins;

public static partial class Utils
{
    /// <summary>Runs a program with arguments.</summary>
    /// <param name="entrypoint">The program to run.</param>
    /// <param name="name">The app and role name.</param>
    /// <param name="numReplicas">How many replicas run.</param>
    /// <param name="args">The program's arguments.</param>
    /// <returns>The app.</returns>
    [Description("Runs a program (--entrypoint) with the arguments after --.")]
    public static AppDef Binary(
        [Description("the program to run")] string entrypoint,
        [Description("name of the app and role")] string name = "utils_binary",
        [Description("number of replicas to run")] int numReplicas = 1,
        [Description("arguments to the program")] params string[] args) =>
        new()
        {
            Name = name,
            Roles = [new Role { Name = name, Entrypoint = entrypoint, Args = args, NumReplicas = numReplicas }],
        };
}
