using Loom.Jobs.Components;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Components;

public sealed class BuiltinsTests
{
    private static AppDef Run(string name, params string[] tokens)
    {
        var app = ComponentCatalog.Builtins.Bind(name, tokens);
        Assert.Empty(AppDefValidator.Validate(app));
        return app;
    }

    [Fact]
    public void The_builtins_are_listed_with_one_line_help()
    {
        Assert.Equal(
            ["dist.ddp", "dist.spmd", "utils.binary", "utils.copy", "utils.echo", "utils.python", "utils.sh"],
            ComponentCatalog.Builtins.Components.Select(c => c.Name));
        Assert.All(ComponentCatalog.Builtins.Components, c => Assert.False(string.IsNullOrWhiteSpace(c.Summary)));
    }

    [Fact]
    public void Each_builtin_prints_its_source()
    {
        foreach (var c in ComponentCatalog.Builtins.Components)
        {
            var source = ComponentCatalog.BuiltinSource(c.Name);
            Assert.NotNull(source);
            Assert.Contains($"public static AppDef {c.Method.Name}(", source, StringComparison.Ordinal);
        }

        Assert.Null(ComponentCatalog.BuiltinSource("utils.nope"));
    }

    [Fact]
    public void Echo()
    {
        var role = Run("utils.echo", "--msg", "hi there", "--num_replicas", "2").Roles[0];
        Assert.Equal(("echo", 2), (role.Entrypoint, role.NumReplicas));
        Assert.Equal(["hi there"], role.Args);
        Assert.Equal(["hello world"], Run("utils.echo").Roles[0].Args);
    }

    [Fact]
    public void Sh_quotes_the_command_and_takes_resources()
    {
        var role = Run("utils.sh", "--gpu", "4", "--", "sleep", "2", "&&", "echo", "it's").Roles[0];
        Assert.Equal("sh", role.Entrypoint);
        Assert.Equal(["-c", "sleep 2 '&&' echo 'it'\"'\"'s'"], role.Args);
        Assert.Equal((1, 4, 1024), (role.Resource.Cpu, role.Resource.Gpu, role.Resource.MemMB));
        Assert.Equal(NamedResources.Get("gpu.large"), Run("utils.sh", "-h", "gpu.large", "--", "true").Roles[0].Resource);
    }

    [Fact]
    public void Python_runs_a_script_a_module_or_code()
    {
        Assert.Equal(["main.py", "--lr", "1"], Run("utils.python", "--script", "main.py", "--", "--lr", "1").Roles[0].Args);
        Assert.Equal(["-m", "pkg.mod"], Run("utils.python", "-m", "pkg.mod").Roles[0].Args);
        var app = Run("utils.python", "-c", "print(1)", "--image", "/img", "--name", "p");
        Assert.Equal(("p", "/img", "python"), (app.Name, app.Roles[0].Image, app.Roles[0].Entrypoint));
        var e = Assert.Throws<ComponentBindingException>(() => ComponentCatalog.Builtins.Bind("utils.python", ["-m", "a", "--script", "b.py"]));
        Assert.Contains("exactly one of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_and_copy()
    {
        var binary = Run("utils.binary", "--entrypoint", "/bin/ls", "--", "-l").Roles[0];
        Assert.Equal(("/bin/ls", "utils_binary"), (binary.Entrypoint, binary.Name));
        Assert.Equal(["-l"], binary.Args);
        Assert.Throws<ComponentBindingException>(() => ComponentCatalog.Builtins.Bind("utils.binary", []));
        var copy = Run("utils.copy", "--src", "a", "--dst", "b").Roles[0];
        Assert.Equal(["-r", "--", "a", "b"], copy.Args);
    }

    [Fact]
    public void Ddp_on_several_nodes_meets_at_rank0()
    {
        var app = Run("dist.ddp", "-j", "2x4", "--script", "train.py", "--gpu", "4", "--", "--epochs", "3");
        var role = Assert.Single(app.Roles);
        Assert.Equal(("train", "train", "bash", 2, (int?)null), (app.Name, role.Name, role.Entrypoint, role.NumReplicas, role.MinReplicas));
        Assert.Equal(
            ["-c", "torchrun --rdzv_backend c10d --rdzv_endpoint $${${rank0_env}}:29500 --rdzv_id '${app_id}' --nnodes 2 --nproc_per_node 4 train.py --epochs 3"],
            role.Args);
        Assert.Equal(29500, role.PortMap["c10d"]);
        Assert.Equal("INFO", role.Env["LOGLEVEL"]);
        Assert.Equal(4, role.Resource.Gpu);

        var replica = new MacroValues("job-7", "1", "MASTER_ADDR", "/").Apply(role);
        Assert.Contains("--rdzv_endpoint ${MASTER_ADDR}:29500 --rdzv_id 'job-7'", replica.Args[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Ddp_with_a_minimum_is_elastic()
    {
        var role = Run("dist.ddp", "-j", "1:3x8", "-m", "pkg.trainer", "--rdzv_port", "1234").Roles[0];
        Assert.Equal(("trainer", 3, (int?)1), (role.Name, role.NumReplicas, role.MinReplicas));
        Assert.Contains("--rdzv_endpoint $${${rank0_env}}:1234 ", role.Args[1], StringComparison.Ordinal);
        Assert.Contains("--nnodes 1:3 --nproc_per_node 8 -m pkg.trainer", role.Args[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Ddp_on_one_node_uses_a_local_endpoint()
    {
        var role = Run("dist.ddp", "--script", "main.py", "--rdzv_backend", "etcd").Roles[0];
        Assert.Equal(1, role.NumReplicas);
        Assert.Equal(
            "torchrun --rdzv_backend c10d --rdzv_endpoint localhost:0 --rdzv_id '${app_id}' --nnodes 1 --nproc_per_node 2 main.py",
            role.Args[1]);
        Assert.Contains("--nnodes 1 --nproc_per_node 3 ", Run("dist.ddp", "-j", "3", "--script", "m.py").Roles[0].Args[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2x")]
    [InlineData("3:2x4")]
    [InlineData("0x4")]
    [InlineData("1x2x3")]
    public void Ddp_rejects_a_bad_topology(string j)
    {
        var e = Assert.Throws<ComponentBindingException>(() => ComponentCatalog.Builtins.Bind("dist.ddp", ["-j", j, "--script", "a.py"]));
        Assert.Contains("-j must be [min:]NxM", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ddp_needs_exactly_one_of_script_and_module() =>
        Assert.Throws<ComponentBindingException>(() => ComponentCatalog.Builtins.Bind("dist.ddp", []));

    [Fact]
    public void Spmd_is_ddp_on_gpu_small_hosts()
    {
        var role = Run("dist.spmd", "--script", "s.py", "-j", "2x8", "--", "x").Roles[0];
        Assert.Equal(NamedResources.Get("gpu.small"), role.Resource);
        Assert.Equal(2, role.NumReplicas);
        Assert.EndsWith("--nnodes 2 --nproc_per_node 8 s.py x", role.Args[1], StringComparison.Ordinal);
        Assert.Contains("--nproc_per_node 1 ", Run("dist.spmd", "--script", "s.py").Roles[0].Args[1], StringComparison.Ordinal);
    }
}
