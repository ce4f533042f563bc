using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Specs;

public sealed class AppDefValidatorTests
{
    private static readonly Role Good = new() { Name = "trainer", Entrypoint = "python" };

    private static AppDef App(Role role) => new() { Name = "train", Roles = [role] };

    private static IEnumerable<string> Paths(AppDef app) => AppDefValidator.Validate(app).Select(p => p.Path);

    [Fact]
    public void A_minimal_app_is_valid() => Assert.Empty(AppDefValidator.Validate(App(Good)));

    [Fact]
    public void Records_default_as_torchx()
    {
        Assert.Equal(1, Good.NumReplicas);
        Assert.Null(Good.MinReplicas);
        Assert.Equal(0, Good.MaxRetries);
        Assert.Equal(RetryPolicy.Application, Good.RetryPolicy);
        Assert.Equal(Resource.None, Good.Resource);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_path_and_a_fix()
    {
        var app = new AppDef
        {
            Name = "bad name",
            Roles =
            [
                Good with { NumReplicas = 0, MaxRetries = -1, Resource = new Resource { Cpu = -1, Gpu = -2, MemMB = -3 } },
                Good with { Entrypoint = "" },
            ],
        };
        var problems = AppDefValidator.Validate(app);
        Assert.Equal(
            ["name", "roles[0].num_replicas", "roles[0].max_retries", "roles[0].resource.cpu", "roles[0].resource.gpu",
             "roles[0].resource.memMB", "roles[1].name", "roles[1].entrypoint"],
            problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.False(string.IsNullOrEmpty(p.Fix)));
    }

    [Fact]
    public void An_app_needs_roles() => Assert.Contains("roles", Paths(new AppDef { Name = "x" }));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Min_replicas_is_between_one_and_num_replicas(int min) =>
        Assert.Contains("roles[0].min_replicas", Paths(App(Good with { NumReplicas = 4, MinReplicas = min })));

    [Fact]
    public void Ports_devices_mounts_and_env_names_are_checked()
    {
        var role = Good with
        {
            PortMap = new Dictionary<string, int> { ["c10d"] = 70000 },
            Resource = new Resource { Devices = new Dictionary<string, int> { ["efa"] = 0 } },
            Mounts = [new BindMount("", "relative")],
            Env = new Dictionary<string, string> { ["1BAD"] = "x" },
        };
        Assert.Equal(
            ["roles[0].resource.devices.efa", "roles[0].port_map.c10d", "roles[0].mounts[0].src_path", "roles[0].mounts[0].dst_path", "roles[0].env.1BAD"],
            Paths(App(role)));
    }

    [Fact]
    public void Inputs_outputs_and_limits_are_checked()
    {
        var app = App(Good with { Resource = new Resource { MemMB = 8192 } }) with
        {
            Inputs = [new InputSpec("s3://bucket/x"), new InputSpec("data.csv", "md5:abc"), new InputSpec("https://x/y", Destination: "../y")],
            Outputs = [new OutputSpec("/abs"), new OutputSpec("a/../../b")],
            TimeLimit = TimeSpan.Zero,
            MemoryLimitMB = 4096,
            User = "a b",
        };
        Assert.Equal(
            ["inputs[0].source", "inputs[1].checksum", "inputs[2].destination", "outputs[0]", "outputs[1]", "time_limit", "memory_limit", "user"],
            Paths(app));
    }

    [Fact]
    public void Good_inputs_pass()
    {
        var app = App(Good) with
        {
            Inputs = [new InputSpec("https://example.com/d.tar", "sha256:" + new string('a', 64)), new InputSpec("./data/")],
            Outputs = [new OutputSpec("out/")],
            TimeLimit = TimeSpan.FromHours(1),
            MemoryLimitMB = 1024,
            User = "alice",
        };
        Assert.Empty(AppDefValidator.Validate(app));
    }

    [Fact]
    public void Named_resources_match_torchx()
    {
        Assert.Equal(new Resource { Cpu = 8, Gpu = 1, MemMB = 32 * 1024 }.ToString(), NamedResources.Get("gpu.small").ToString());
        Assert.Equal((64, 8, 256 * 1024), (NamedResources.Get("gpu.xlarge").Cpu, NamedResources.Get("gpu.xlarge").Gpu, NamedResources.Get("gpu.xlarge").MemMB));
        Assert.Equal(512, NamedResources.Get("cpu.nano").MemMB);
        Assert.Equal(10, NamedResources.Names.Count);
        Assert.Throws<ArgumentException>(() => NamedResources.Get("gpu.huge"));
    }
}
