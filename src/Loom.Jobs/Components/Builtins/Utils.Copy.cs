using System.ComponentModel;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Components.Builtins;

public static partial class Utils
{
    /// <summary>Copies a file or folder from <paramref name="src"/> to <paramref name="dst"/>.</summary>
    /// <param name="src">What to copy.</param>
    /// <param name="dst">Where to copy it.</param>
    /// <param name="image">The image to run in.</param>
    /// <returns>The app.</returns>
    [Description("Copies a file or folder from --src to --dst.")]
    public static AppDef Copy(
        [Description("the file or folder to copy")] string src,
        [Description("where to copy it")] string dst,
        [Description("image to run in")] string image = DefaultImage) =>
        new()
        {
            Name = "copy",
            Roles = [new Role { Name = "copy", Image = image, Entrypoint = "cp", Args = ["-r", "--", src, dst] }],
        };
}
