using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Loom.Jobs.Specs;

/// <summary>Turns a YAML (or JSON) document into an <see cref="AppDef"/>, collecting located errors.</summary>
internal sealed class SpecReader(string source)
{
    private static readonly string[] AppKeys =
        ["name", "roles", "metadata", "inputs", "outputs", "time_limit", "memory_limit", "priority", "user", "preemptible"];

    private static readonly string[] RoleKeys =
        ["name", "image", "entrypoint", "args", "env", "num_replicas", "min_replicas", "max_retries", "retry_policy", "resource", "port_map", "mounts", "metadata"];

    private static readonly string[] ResourceKeys = ["cpu", "gpu", "memMB", "capabilities", "devices"];
    private static readonly string[] MountKeys = ["src_path", "dst_path", "read_only"];
    private static readonly string[] InputKeys = ["source", "checksum", "destination"];
    private static readonly string[] OutputKeys = ["path", "destination"];

    private readonly Dictionary<string, YamlNode> _nodes = new(StringComparer.Ordinal);

    /// <summary>Errors found so far, in document order.</summary>
    public List<SpecError> Errors { get; } = [];

    /// <summary>Where the node of a field path is, or of its closest parent that was read.</summary>
    public (int Line, int Column) Locate(string path)
    {
        while (true)
        {
            if (_nodes.TryGetValue(path, out var node))
            {
                return ((int)node.Start.Line, (int)node.Start.Column);
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return _nodes.TryGetValue("", out var root) ? ((int)root.Start.Line, (int)root.Start.Column) : (1, 1);
            }

            path = path[..cut];
        }
    }

    /// <summary>Reads the app at the document's root.</summary>
    public AppDef ReadApp(YamlNode root)
    {
        _nodes[""] = root;
        var map = AsMapping(root, "", "the app");
        var fields = Fields(map, "", AppKeys);
        return new AppDef
        {
            Name = Required(fields, map, "", "name"),
            Roles = List(fields, "", "roles", ReadRole),
            Metadata = StringMap(fields, "", "metadata"),
            Inputs = List(fields, "", "inputs", ReadInput),
            Outputs = List(fields, "", "outputs", ReadOutput),
            TimeLimit = Optional(fields, "", "time_limit", "a duration such as 30m, 2h, 1d or 01:30:00",
                t => SpecValues.TryParseDuration(t, out var d) ? d : (TimeSpan?)null),
            MemoryLimitMB = Optional(fields, "", "memory_limit", "a size in MiB such as 4096 or 4GiB",
                t => SpecValues.TryParseMebibytes(t, out var m) ? m : (int?)null),
            Priority = Optional(fields, "", "priority", "a whole number", ParseInt) ?? 0,
            User = fields.TryGetValue("user", out var user) ? Text(user, "user") : null,
            Preemptible = Optional(fields, "", "preemptible", "true or false", ParseBool) ?? false,
        };
    }

    private Role ReadRole(YamlNode node, string at)
    {
        var map = AsMapping(node, at, "a role");
        var fields = Fields(map, at, RoleKeys);
        return new Role
        {
            Name = Required(fields, map, at, "name"),
            Entrypoint = Required(fields, map, at, "entrypoint"),
            Image = fields.TryGetValue("image", out var image) ? Text(image, Join(at, "image")) : "",
            Args = List(fields, at, "args", (n, p) => Text(n, p)),
            Env = StringMap(fields, at, "env"),
            NumReplicas = Optional(fields, at, "num_replicas", "a whole number", ParseInt) ?? 1,
            MinReplicas = Optional(fields, at, "min_replicas", "a whole number", ParseInt),
            MaxRetries = Optional(fields, at, "max_retries", "a whole number", ParseInt) ?? 0,
            RetryPolicy = Optional(fields, at, "retry_policy", "APPLICATION, REPLICA or ROLE",
                t => Enum.TryParse<RetryPolicy>(t, ignoreCase: true, out var p) && !t.Any(char.IsDigit) ? p : (RetryPolicy?)null)
                ?? RetryPolicy.Application,
            Resource = fields.TryGetValue("resource", out var resource) ? ReadResource(resource, Join(at, "resource")) : Resource.None,
            PortMap = IntMap(fields, at, "port_map"),
            Mounts = List(fields, at, "mounts", ReadMount),
            Metadata = StringMap(fields, at, "metadata"),
        };
    }

    private Resource ReadResource(YamlNode node, string at)
    {
        if (node is YamlScalarNode scalar)
        {
            var name = scalar.Value ?? "";
            if (NamedResources.TryGet(name, out var named))
            {
                return named;
            }

            Error(node, at, DidYouMean.Describe("named resource", name, NamedResources.Names));
            return Resource.None;
        }

        var map = AsMapping(node, at, "a named resource such as gpu.small, or a mapping with cpu, gpu and memMB");
        var fields = Fields(map, at, ResourceKeys);
        return new Resource
        {
            Cpu = Optional(fields, at, "cpu", "a whole number", ParseInt) ?? 0,
            Gpu = Optional(fields, at, "gpu", "a whole number", ParseInt) ?? 0,
            MemMB = Optional(fields, at, "memMB", "a size in MiB such as 4096 or 4GiB",
                t => SpecValues.TryParseMebibytes(t, out var m) ? m : (int?)null) ?? 0,
            Capabilities = StringMap(fields, at, "capabilities"),
            Devices = IntMap(fields, at, "devices"),
        };
    }

    private BindMount ReadMount(YamlNode node, string at)
    {
        var map = AsMapping(node, at, "a mount with src_path and dst_path");
        var fields = Fields(map, at, MountKeys);
        return new BindMount(
            Required(fields, map, at, "src_path"),
            Required(fields, map, at, "dst_path"),
            Optional(fields, at, "read_only", "true or false", ParseBool) ?? false);
    }

    private InputSpec ReadInput(YamlNode node, string at)
    {
        if (node is YamlScalarNode)
        {
            _nodes[Join(at, "source")] = node;
            return new InputSpec(Text(node, at));
        }

        var map = AsMapping(node, at, "a path or URL, or a mapping with source and checksum");
        var fields = Fields(map, at, InputKeys);
        return new InputSpec(
            Required(fields, map, at, "source"),
            fields.TryGetValue("checksum", out var c) ? Text(c, Join(at, "checksum")) : null,
            fields.TryGetValue("destination", out var d) ? Text(d, Join(at, "destination")) : null);
    }

    private OutputSpec ReadOutput(YamlNode node, string at)
    {
        if (node is YamlScalarNode)
        {
            return new OutputSpec(Text(node, at));
        }

        var map = AsMapping(node, at, "a path, or a mapping with path and destination");
        var fields = Fields(map, at, OutputKeys);
        return new OutputSpec(
            Required(fields, map, at, "path"),
            fields.TryGetValue("destination", out var d) ? Text(d, Join(at, "destination")) : null);
    }

    private Dictionary<string, YamlNode> Fields(YamlMappingNode? map, string at, string[] known)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (map is null)
        {
            return fields;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = Join(at, key);
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, path, DidYouMean.Describe("field", key, known));
                continue;
            }

            if (!fields.TryAdd(key, value))
            {
                Error(keyNode, path, "is given twice; keep one");
                continue;
            }

            _nodes[path] = value;
        }

        return fields;
    }

    private YamlMappingNode? AsMapping(YamlNode node, string at, string what)
    {
        _nodes[at] = node;
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node, at, $"expected {what}, got {Describe(node)}");
        return null;
    }

    private string Required(Dictionary<string, YamlNode> fields, YamlMappingNode? map, string at, string key)
    {
        if (fields.TryGetValue(key, out var node))
        {
            return Text(node, Join(at, key));
        }

        if (map is not null)
        {
            Error(map, Join(at, key), $"is required; add \"{key}:\"");
        }

        return "";
    }

    private T? Optional<T>(Dictionary<string, YamlNode> fields, string at, string key, string expected, Func<string, T?> parse)
        where T : struct
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        var path = Join(at, key);
        if (node is YamlScalarNode { Value: { } text } && parse(text) is { } value)
        {
            return value;
        }

        Error(node, path, $"expected {expected}, got {Describe(node)}");
        return null;
    }

    private List<T> List<T>(Dictionary<string, YamlNode> fields, string at, string key, Func<YamlNode, string, T> read)
    {
        var result = new List<T>();
        if (!fields.TryGetValue(key, out var node))
        {
            return result;
        }

        var path = Join(at, key);
        if (node is not YamlSequenceNode seq)
        {
            Error(node, path, $"expected a list, got {Describe(node)}");
            return result;
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = $"{path}[{i}]";
            _nodes[item] = seq.Children[i];
            result.Add(read(seq.Children[i], item));
        }

        return result;
    }

    private Dictionary<string, string> StringMap(Dictionary<string, YamlNode> fields, string at, string key) =>
        Map(fields, at, key, (n, p) => Text(n, p));

    private Dictionary<string, int> IntMap(Dictionary<string, YamlNode> fields, string at, string key) =>
        Map(fields, at, key, (n, p) =>
        {
            if (n is YamlScalarNode { Value: { } t } && ParseInt(t) is { } v)
            {
                return v;
            }

            Error(n, p, $"expected a whole number, got {Describe(n)}");
            return 0;
        });

    private Dictionary<string, T> Map<T>(Dictionary<string, YamlNode> fields, string at, string key, Func<YamlNode, string, T> read)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (!fields.TryGetValue(key, out var node))
        {
            return result;
        }

        var path = Join(at, key);
        if (node is not YamlMappingNode map)
        {
            Error(node, path, $"expected a mapping of names to values, got {Describe(node)}");
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            var itemPath = Join(path, name);
            _nodes[itemPath] = v;
            if (!result.TryAdd(name, read(v, itemPath)))
            {
                Error(k, itemPath, "is given twice; keep one");
            }
        }

        return result;
    }

    private string Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            return text;
        }

        Error(node, path, $"expected a text value, got {Describe(node)}");
        return "";
    }

    private void Error(YamlNode node, string path, string message) =>
        Errors.Add(new SpecError(source, (int)node.Start.Line, (int)node.Start.Column, path, message));

    private static int? ParseInt(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static bool? ParseBool(string text) =>
        text.ToUpperInvariant() switch { "TRUE" => true, "FALSE" => false, _ => null };

    private static string Join(string at, string key) => at.Length == 0 ? key : $"{at}.{key}";

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"\"{s.Value}\"",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };
}
