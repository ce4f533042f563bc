using System.Globalization;
using Loom.Jobs.Specs;
using Loom.Tune;
using Loom.Tune.Search;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Domains = Loom.Tune.Search.Tune;

namespace Loom.Cli.Tune;

/// <summary>
/// Reads a tune spec (YAML), collecting every problem with its line, column and field; unknown keys get a
/// did-you-mean. Relative paths in <c>command</c> that name existing files are resolved against the spec's
/// folder, or against <c>base_dir</c> when the spec gives one (the copy kept in an experiment folder does).
/// </summary>
internal sealed class TuneSpecReader
{
    /// <summary>The key that records the folder relative paths are resolved against.</summary>
    public const string BaseDirKey = "base_dir";

    private static readonly string[] RootKeys =
    [
        "name", "command", "config_as_flags", "metric", "mode", "num_samples", "max_concurrent_trials", "resources",
        "search", "scheduler", "stop", "failures", "space", BaseDirKey,
    ];

    private static readonly string[] ResourceKeys = ["cpu", "gpu"];
    private static readonly string[] SearchKeys = ["algorithm", "seed"];
    private static readonly string[] Algorithms = ["random", "tpe"];
    private static readonly string[] SchedulerKeys = ["type", "grace_period", "reduction_factor", "max_t", "min_samples_required"];
    private static readonly string[] StopKeys = ["max_iterations", "metric_at_most", "metric_at_least", "max_time_per_trial_s"];
    private static readonly string[] FailureKeys = ["max_failures", "fail_fast"];
    private static readonly string[] DomainKeys = ["uniform", "loguniform", "quniform", "randint", "choice", "grid"];

    private readonly string _source;
    private readonly List<SpecError> _errors = [];

    private TuneSpecReader(string source) => _source = source;

    /// <summary>Reads a spec file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="AppSpecException">The file is not a valid spec; the message lists every problem.</exception>
    public static TuneSpec ReadFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new AppSpecException($"The tune spec '{path}' does not exist.");
        }

        return Read(File.ReadAllText(full), path, Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full));
    }

    /// <summary>Reads spec text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="source">The file name used in errors.</param>
    /// <param name="folder">The folder relative paths are resolved against (unless the spec has <c>base_dir</c>).</param>
    /// <param name="defaultName">The experiment name when the spec gives none.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="AppSpecException">The text is not a valid spec.</exception>
    public static TuneSpec Read(string text, string source, string folder, string defaultName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw new AppSpecException([new SpecError(source, (int)e.Start.Line, (int)e.Start.Column, "", message)]);
        }

        if (stream.Documents.Count == 0)
        {
            throw new AppSpecException([new SpecError(source, 1, 1, "", "the file is empty; expected a mapping with command, metric and space")]);
        }

        var reader = new TuneSpecReader(source);
        var spec = reader.ReadRoot(stream.Documents[0].RootNode, folder, defaultName);
        return reader._errors.Count > 0 || spec is null ? throw new AppSpecException(reader._errors) : spec;
    }

    private TuneSpec? ReadRoot(YamlNode root, string folder, string defaultName)
    {
        if (root is not YamlMappingNode map)
        {
            Error(root, "", $"expected a mapping with command, metric and space, got {Describe(root)}");
            return null;
        }

        var fields = Fields(map, "", RootKeys);
        var baseDir = fields.TryGetValue(BaseDirKey, out var b) ? Text(b, BaseDirKey) : folder;
        var command = ReadCommand(fields, map, baseDir);
        var metric = fields.TryGetValue("metric", out var m) ? Text(m, "metric") : Missing(map, "metric");
        var space = fields.TryGetValue("space", out var s) ? ReadSpace(s, "space") : MissingSpace(map);
        var mode = fields.TryGetValue("mode", out var modeNode) ? OneOf(modeNode, "mode", ["min", "max"]) : "min";
        var search = Section(fields, "search", SearchKeys);
        var scheduler = Section(fields, "scheduler", SchedulerKeys);
        var stop = Section(fields, "stop", StopKeys);
        var failures = Section(fields, "failures", FailureKeys);
        var resources = Section(fields, "resources", ResourceKeys);
        var spec = new TuneSpec
        {
            Name = fields.TryGetValue("name", out var n) ? Text(n, "name") : defaultName,
            Command = command,
            ConfigAsFlags = Bool(fields, "", "config_as_flags") ?? true,
            Metric = metric,
            Mode = mode == "max" ? TuneMode.Max : TuneMode.Min,
            NumSamples = Int(fields, "", "num_samples", 1) ?? 1,
            MaxConcurrentTrials = Int(fields, "", "max_concurrent_trials", 1),
            Resources = new TrialResources(Number(resources, "resources", "cpu", 0) ?? 1, Number(resources, "resources", "gpu", 0) ?? 0),
            Algorithm = search.TryGetValue("algorithm", out var a) ? OneOf(a, "search.algorithm", Algorithms) : "random",
            Seed = Int(search, "search", "seed", int.MinValue) ?? 0,
            Scheduler = new TuneSchedulerSpec
            {
                Type = scheduler.TryGetValue("type", out var t) ? OneOf(t, "scheduler.type", TuneSchedulerSpec.Types) : "fifo",
                GracePeriod = Number(scheduler, "scheduler", "grace_period", double.Epsilon),
                ReductionFactor = Number(scheduler, "scheduler", "reduction_factor", 1.0001),
                MaxT = Number(scheduler, "scheduler", "max_t", double.Epsilon),
                MinSamplesRequired = Int(scheduler, "scheduler", "min_samples_required", 1),
            },
            Stop = new StopCriteria
            {
                MaxIterations = Int(stop, "stop", "max_iterations", 1),
                MetricAtMost = Thresholds(stop, "stop", "metric_at_most"),
                MetricAtLeast = Thresholds(stop, "stop", "metric_at_least"),
                MaxTimePerTrial = Number(stop, "stop", "max_time_per_trial_s", double.Epsilon) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            },
            Failures = new FailurePolicy
            {
                MaxFailures = Int(failures, "failures", "max_failures", 0) ?? 0,
                FailFast = Bool(failures, "failures", "fail_fast") ?? false,
            },
            Space = space,
        };
        CheckScheduler(spec.Scheduler, scheduler);
        return spec;
    }

    private List<string> ReadCommand(Dictionary<string, YamlNode> fields, YamlMappingNode map, string baseDir)
    {
        if (!fields.TryGetValue("command", out var node))
        {
            Missing(map, "command");
            return [""];
        }

        List<string> parts = node switch
        {
            YamlSequenceNode seq => [.. seq.Children.Select((c, i) => Text(c, $"command[{i.ToString(CultureInfo.InvariantCulture)}]"))],
            YamlScalarNode scalar => [Text(scalar, "command")],
            _ => [],
        };
        if (parts.Count == 0 || parts[0].Length == 0)
        {
            Error(node, "command", $"expected the program and its arguments, such as [\"python3\", \"train.py\"], got {Describe(node)}");
            return [""];
        }

        return [.. parts.Select(p => Resolve(p, baseDir))];
    }

    private static string Resolve(string part, string baseDir)
    {
        if (part.Length == 0 || part.StartsWith('-') || Path.IsPathRooted(part))
        {
            return part;
        }

        var candidate = Path.GetFullPath(Path.Combine(baseDir, part));
        return File.Exists(candidate) || Directory.Exists(candidate) ? candidate : part;
    }

    private SearchSpace ReadSpace(YamlNode node, string at)
    {
        var space = new SearchSpace();
        if (node is not YamlMappingNode map)
        {
            Error(node, at, $"expected a mapping of parameter names to values or domains such as {{uniform: [0, 1]}}, got {Describe(node)}");
            return space;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = $"{at}.{name}";
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            {
                Error(keyNode, path, "a parameter name must be non-empty and without '/'");
                continue;
            }

            try
            {
                space.Add(name, ReadEntry(value, path));
            }
            catch (ArgumentException e)
            {
                Error(value, path, e.Message);
            }
        }

        return space;
    }

    private object? ReadEntry(YamlNode node, string at)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return Scalar(scalar);
            case YamlSequenceNode:
                Error(node, at, "a list is not a value; write {choice: [...]} to sample from it or {grid: [...]} to try each");
                return null;
        }

        var map = (YamlMappingNode)node;
        var keys = map.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "").ToList();
        var domain = keys.FirstOrDefault(k => DomainKeys.Contains(k, StringComparer.Ordinal));
        if (domain is null)
        {
            if (keys.Count == 1 && map.Children.Values.Single() is YamlSequenceNode)
            {
                Error(map.Children.Keys.Single(), $"{at}.{keys[0]}", DidYouMean.Describe("domain", keys[0], DomainKeys));
                return null;
            }

            return ReadSpace(map, at);
        }

        if (keys.Count != 1)
        {
            Error(node, at, $"a domain is a mapping with one key ({domain}); remove {string.Join(", ", keys.Where(k => k != domain))}");
            return null;
        }

        var path = $"{at}.{domain}";
        if (map.Children.Values.Single() is not YamlSequenceNode args)
        {
            Error(map.Children.Values.Single(), path, $"expected a list such as [0, 1], got {Describe(map.Children.Values.Single())}");
            return null;
        }

        var values = args.Children.Select(c => c is YamlScalarNode s ? Scalar(s) : null).ToArray();
        switch (domain)
        {
            case "choice":
            case "grid":
                if (values.Length == 0)
                {
                    Error(args, path, "expected at least one value");
                    return null;
                }

                return domain == "choice" ? Domains.Choice(values) : Domains.GridSearch(values);
            case "randint":
                return Numbers(args, path, values, [2], "[low, high]") is { } r ? Domains.RandInt((long)r[0], (long)r[1]) : null;
            case "quniform":
                return Numbers(args, path, values, [3], "[low, high, q]") is { } q ? Domains.QUniform(q[0], q[1], q[2]) : null;
            case "loguniform":
                return Numbers(args, path, values, [2, 3], "[low, high] or [low, high, base]") is { } l
                    ? Domains.LogUniform(l[0], l[1], l.Length == 3 ? l[2] : 10)
                    : null;
            default:
                return Numbers(args, path, values, [2], "[low, high]") is { } u ? Domains.Uniform(u[0], u[1]) : null;
        }
    }

    private double[]? Numbers(YamlNode node, string path, object?[] values, int[] counts, string expected)
    {
        if (!counts.Contains(values.Length) || values.Any(v => v is not (double or long)))
        {
            Error(node, path, $"expected {expected} as numbers");
            return null;
        }

        return [.. values.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture))];
    }

    private static object? Scalar(YamlScalarNode node)
    {
        var text = node.Value ?? "";
        if (node.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any))
        {
            return text;
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return text.ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => text,
        };
    }

    private void CheckScheduler(TuneSchedulerSpec scheduler, Dictionary<string, YamlNode> fields)
    {
        var applies = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["fifo"] = [],
            ["asha"] = ["grace_period", "reduction_factor", "max_t"],
            ["hyperband"] = ["reduction_factor", "max_t"],
            ["median"] = ["grace_period", "min_samples_required"],
        };
        if (!applies.TryGetValue(scheduler.Type, out var allowed))
        {
            return;
        }

        foreach (var (key, node) in fields.Where(f => f.Key != "type" && !allowed.Contains(f.Key, StringComparer.Ordinal)))
        {
            Error(node, $"scheduler.{key}", $"does not apply to the {scheduler.Type} scheduler" + (allowed.Length > 0 ? $" (it takes {string.Join(", ", allowed)})" : ""));
        }

        if (scheduler.Type == "asha" && scheduler.MaxT < (scheduler.GracePeriod ?? 1) && fields.TryGetValue("max_t", out var maxT))
        {
            Error(maxT, "scheduler.max_t", "must be at least grace_period");
        }
    }

    private Dictionary<string, YamlNode> Section(Dictionary<string, YamlNode> fields, string key, string[] known)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return [];
        }

        if (node is YamlMappingNode map)
        {
            return Fields(map, key, known);
        }

        Error(node, key, $"expected a mapping with {string.Join(", ", known)}, got {Describe(node)}");
        return [];
    }

    private Dictionary<string, YamlNode> Fields(YamlMappingNode map, string at, string[] known)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = at.Length == 0 ? key : $"{at}.{key}";
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, path, DidYouMean.Describe("field", key, known));
            }
            else if (!fields.TryAdd(key, value))
            {
                Error(keyNode, path, "is given twice; keep one");
            }
        }

        return fields;
    }

    private Dictionary<string, double> Thresholds(Dictionary<string, YamlNode> fields, string at, string key)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!fields.TryGetValue(key, out var node))
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, $"{at}.{key}", $"expected a mapping of metric names to numbers, such as {{loss: 0.01}}, got {Describe(node)}");
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (v is YamlScalarNode s && Scalar(s) is double or long)
            {
                result[name] = Convert.ToDouble(Scalar(s), CultureInfo.InvariantCulture);
            }
            else
            {
                Error(v, $"{at}.{key}.{name}", $"expected a number, got {Describe(v)}");
            }
        }

        return result;
    }

    private int? Int(Dictionary<string, YamlNode> fields, string at, string key, int least)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= least)
        {
            return value;
        }

        Error(node, Join(at, key), least == int.MinValue ? $"expected a whole number, got {Describe(node)}" : $"expected a whole number of at least {least.ToString(CultureInfo.InvariantCulture)}, got {Describe(node)}");
        return null;
    }

    private double? Number(Dictionary<string, YamlNode> fields, string at, string key, double least)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= least)
        {
            return value;
        }

        var bound = least == 0 ? "0 or more" : least < 1e-300 ? "more than 0" : $"more than {Math.Floor(least).ToString(CultureInfo.InvariantCulture)}";
        Error(node, Join(at, key), $"expected a number {bound}, got {Describe(node)}");
        return null;
    }

    private bool? Bool(Dictionary<string, YamlNode> fields, string at, string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node, Join(at, key), $"expected true or false, got {Describe(node)}");
        return null;
    }

    private string OneOf(YamlNode node, string path, string[] known)
    {
        var text = Text(node, path);
        if (known.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        Error(node, path, DidYouMean.Describe("value", text, known));
        return known[0];
    }

    private string Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        Error(node, path, $"expected a text value, got {Describe(node)}");
        return "";
    }

    private string Missing(YamlMappingNode map, string key)
    {
        Error(map, key, $"is required; add \"{key}:\"");
        return "";
    }

    private SearchSpace MissingSpace(YamlMappingNode map)
    {
        Missing(map, "space");
        return new SearchSpace();
    }

    private void Error(YamlNode node, string path, string message) =>
        _errors.Add(new SpecError(_source, (int)node.Start.Line, (int)node.Start.Column, path, message));

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
