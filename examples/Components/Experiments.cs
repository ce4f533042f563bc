using System.ComponentModel;
using System.Globalization;
using Loom.Jobs.Specs;

namespace Loom.Examples.Components;

/// <summary>Components for a team's experiments: each parameter becomes a flag of <c>loom run</c>, its description the flag's help.</summary>
public static class Experiments
{
    /// <summary>A training run: <c>loom run examples/Components/Loom.Examples.Components.csproj:experiments.train --lr 0.05 --gpu 1</c>.</summary>
    /// <param name="lr">The learning rate.</param>
    /// <param name="epochs">How many epochs to train.</param>
    /// <param name="gpu">GPUs per replica.</param>
    /// <param name="replicas">How many replicas train together.</param>
    /// <returns>The app.</returns>
    [Description("Trains the team's model (prints its settings and the GPUs it was given)")]
    public static AppDef Train(
        [Description("the learning rate")] double lr = 0.1,
        [Description("how many epochs to train")] int epochs = 3,
        [Description("GPUs per replica")] int gpu = 0,
        [Description("how many replicas train together")] int replicas = 1)
    {
        var culture = CultureInfo.InvariantCulture;
        var script = $"for e in $(seq {epochs.ToString(culture)}); do echo \"epoch $e lr={lr.ToString(culture)} rank=$RANK gpus=$CUDA_VISIBLE_DEVICES\"; done";
        return new AppDef
        {
            Name = "train",
            Roles =
            [
                new Role
                {
                    Name = "trainer",
                    Entrypoint = "sh",
                    Args = ["-c", script],
                    NumReplicas = replicas,
                    Resource = new Resource { Cpu = 1, Gpu = gpu, MemMB = 256 },
                },
            ],
        };
    }
}
