using System.Text.RegularExpressions;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Specs;

public sealed class SpecFormatDocTests
{
    [Fact]
    public void The_documented_example_loads()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Loom.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var doc = File.ReadAllText(Path.Combine(dir.FullName, "docs", "jobs-spec-format.md"));
        var yaml = Regex.Match(doc, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var app = AppSpecLoader.Load(yaml, "jobs-spec-format.md");
        Assert.Equal("train", app.Name);
        Assert.Equal(4, app.Roles[0].NumReplicas);
    }
}
