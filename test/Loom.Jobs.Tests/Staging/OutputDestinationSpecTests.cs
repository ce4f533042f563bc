using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Staging;

public sealed class OutputDestinationSpecTests
{
    private const string Head = """
        name: train
        roles: [{name: trainer, entrypoint: python}]

        """;

    [Fact]
    public void An_output_destination_is_read()
    {
        var app = AppSpecLoader.Load(Head + "outputs: [{path: model.pt, destination: /data/results}, log.txt]\n", "app.yaml");

        Assert.Equal([new OutputSpec("model.pt", "/data/results"), new OutputSpec("log.txt")], app.Outputs);
    }

    [Fact]
    public void A_relative_output_destination_asks_for_an_absolute_folder()
    {
        var e = Assert.Throws<AppSpecException>(() =>
            AppSpecLoader.Load(Head + "outputs:\n  - path: model.pt\n    destination: results\n", "app.yaml"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("outputs[0].destination", error.Path);
        Assert.Equal(5, error.Line);
        Assert.Contains("give an absolute folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_checks_output_destinations()
    {
        var app = new AppDef
        {
            Name = "train",
            Roles = [new Role { Name = "trainer", Entrypoint = "python" }],
            Outputs = [new OutputSpec("a", "/abs/ok"), new OutputSpec("b", "rel/bad")],
        };

        var problem = Assert.Single(AppDefValidator.Validate(app));

        Assert.Equal("outputs[1].destination", problem.Path);
        Assert.Equal("\"rel/bad\" is not an absolute folder", problem.Message);
    }
}
