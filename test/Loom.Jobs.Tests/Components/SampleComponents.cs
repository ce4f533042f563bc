using System.ComponentModel;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Components.Samples;

public enum Mode
{
    Fast,
    Slow,
}

public static class Train
{
    [Description("Trains a model.\nLonger text.")]
    public static AppDef Run(
        [Description("the dataset")] string dataset,
        [Description("replicas")] int numReplicas = 1,
        int memMB = 1024,
        bool debug = false,
        Mode mode = Mode.Fast,
        IReadOnlyDictionary<string, string>? env = null,
        string? tag = null,
        params string[] args) =>
        new()
        {
            Name = "train",
            Roles =
            [
                new Role
                {
                    Name = $"{dataset}-{mode}-{debug}-{tag ?? "none"}",
                    Entrypoint = "python",
                    Args = args,
                    NumReplicas = numReplicas,
                    Resource = new Resource { MemMB = memMB },
                    Env = env ?? new Dictionary<string, string>(),
                },
            ],
        };

    public static AppDef Strict(int j) =>
        j > 0 ? new AppDef { Name = "s" } : throw new ArgumentException("j must be positive");

    public static string NotAComponent() => "";
}
