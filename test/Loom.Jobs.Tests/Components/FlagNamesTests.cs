using Loom.Jobs.Components;

namespace Loom.Jobs.Tests.Components;

public sealed class FlagNamesTests
{
    [Theory]
    [InlineData("numReplicas", "num-replicas", "num_replicas")]
    [InlineData("memMB", "mem-mb", "mem_mb")]
    [InlineData("rdzvBackend", "rdzv-backend", "rdzv_backend")]
    [InlineData("HTTPServer", "http-server", "http_server")]
    [InlineData("j", "j", "j")]
    [InlineData("Dist", "dist", "dist")]
    public void Names_become_kebab_and_snake_case(string name, string kebab, string snake)
    {
        Assert.Equal(kebab, FlagNames.Kebab(name));
        Assert.Equal(snake, FlagNames.Snake(name));
    }

    [Fact]
    public void An_unknown_named_resource_is_a_binding_error()
    {
        var e = Assert.Throws<ComponentBindingException>(() => ComponentCatalog.Builtins.Bind("utils.sh", ["-h", "gpu.huge", "--", "true"]));
        Assert.Contains("unknown named resource \"gpu.huge\"", e.Message, StringComparison.Ordinal);
    }
}
