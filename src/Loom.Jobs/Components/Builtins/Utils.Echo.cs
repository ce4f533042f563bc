using System.ComponentModel;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components.Builtins;

public static partial class Utils
{
    /// <summary>Echoes a message to stdout (calls <c>echo</c>).</summary>
    /// <param name="msg">The message to echo.</param>
    /// <param name="image">The image to run in.</param>
    /// <param name="numReplicas">How many replicas echo.</param>
    /// <returns>The app.</returns>
    [Description("Echoes a message to stdout (calls echo).")]
    public static AppDef Echo(
        [Description("message to echo")] string msg = "hello world",
        [Description("image to run in")] string image = DefaultImage,
        [Description("number of replicas to run")] int numReplicas = 1) =>
        new()
        {
            Name = "echo",
            Roles = [new Role { Name = "echo", Image = image, Entrypoint = "echo", Args = [msg], NumReplicas = numReplicas }],
        };
}
