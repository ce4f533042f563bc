using System.Text.RegularExpressions;

namespace Loom.Jobs.Specs;

/// <summary>Checks an <see cref="AppDef"/> and reports every problem, with field paths as written in spec files.</summary>
public static partial class AppDefValidator
{
    /// <summary>Returns every problem with the app; empty when it is valid.</summary>
    /// <param name="app">The app to check.</param>
    /// <returns>The problems, in field order.</returns>
    public static IReadOnlyList<SpecProblem> Validate(AppDef app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var problems = new List<SpecProblem>();
        void Add(string path, string message, string fix) => problems.Add(new SpecProblem(path, message, fix));

        if (string.IsNullOrWhiteSpace(app.Name))
        {
            Add("name", "is empty", "give the app a name such as \"train\"");
        }
        else if (!NamePattern().IsMatch(app.Name))
        {
            Add("name", $"\"{app.Name}\" has characters other than letters, digits, '.', '_' and '-'", "use only letters, digits, '.', '_' and '-'");
        }

        if (app.Roles.Count == 0)
        {
            Add("roles", "has no roles", "add at least one role with a name and an entrypoint");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < app.Roles.Count; i++)
        {
            ValidateRole(app.Roles[i], $"roles[{i}]", seen, Add);
        }

        for (var i = 0; i < app.Inputs.Count; i++)
        {
            ValidateInput(app.Inputs[i], $"inputs[{i}]", Add);
        }

        for (var i = 0; i < app.Outputs.Count; i++)
        {
            ValidateOutput(app.Outputs[i], $"outputs[{i}]", Add);
        }

        if (app.TimeLimit is { } limit && limit <= TimeSpan.Zero)
        {
            Add("time_limit", "must be positive", "write a duration such as 30m, 2h or 1d, or leave it out");
        }

        if (app.MemoryLimitMB is { } mem)
        {
            if (mem <= 0)
            {
                Add("memory_limit", "must be positive", "write MiB such as 4096, or leave it out");
            }
            else
            {
                for (var i = 0; i < app.Roles.Count; i++)
                {
                    if (app.Roles[i].Resource.MemMB > mem)
                    {
                        Add("memory_limit", $"{mem} MiB is below roles[{i}].resource.memMB ({app.Roles[i].Resource.MemMB})", "raise memory_limit or lower the role's memMB");
                    }
                }
            }
        }

        if (app.User is { } user && (user.Length == 0 || user.Any(char.IsWhiteSpace)))
        {
            Add("user", $"\"{user}\" is not a user name", "use a login name without spaces, or leave it out");
        }

        return problems;
    }

    private static void ValidateRole(Role role, string at, HashSet<string> seen, Action<string, string, string> add)
    {
        if (string.IsNullOrWhiteSpace(role.Name))
        {
            add($"{at}.name", "is empty", "give the role a name such as \"trainer\"");
        }
        else if (!seen.Add(role.Name))
        {
            add($"{at}.name", $"\"{role.Name}\" is used by an earlier role", "give each role its own name");
        }

        if (string.IsNullOrWhiteSpace(role.Entrypoint))
        {
            add($"{at}.entrypoint", "is empty", "name the program to run, such as \"python\"");
        }

        if (role.NumReplicas < 1)
        {
            add($"{at}.num_replicas", $"must be at least 1, got {role.NumReplicas}", "set num_replicas to 1 or more");
        }

        if (role.MinReplicas is { } min && (min < 1 || min > role.NumReplicas))
        {
            add($"{at}.min_replicas", $"must be between 1 and num_replicas ({role.NumReplicas}), got {min}", "lower min_replicas or raise num_replicas");
        }

        if (role.MaxRetries < 0)
        {
            add($"{at}.max_retries", $"must not be negative, got {role.MaxRetries}", "set max_retries to 0 or more");
        }

        var r = role.Resource;
        if (r.Cpu < 0)
        {
            add($"{at}.resource.cpu", $"must not be negative, got {r.Cpu}", "set cpu to 0 or more");
        }

        if (r.Gpu < 0)
        {
            add($"{at}.resource.gpu", $"must not be negative, got {r.Gpu}", "set gpu to 0 or more");
        }

        if (r.MemMB < 0)
        {
            add($"{at}.resource.memMB", $"must not be negative, got {r.MemMB}", "set memMB to 0 or more");
        }

        foreach (var (device, count) in r.Devices)
        {
            if (count < 1)
            {
                add($"{at}.resource.devices.{device}", $"must be at least 1, got {count}", "set a positive count or remove the device");
            }
        }

        foreach (var (name, port) in role.PortMap)
        {
            if (port is < 1 or > 65535)
            {
                add($"{at}.port_map.{name}", $"{port} is not a port", "use a port between 1 and 65535");
            }
        }

        for (var i = 0; i < role.Mounts.Count; i++)
        {
            var m = role.Mounts[i];
            if (string.IsNullOrWhiteSpace(m.SrcPath))
            {
                add($"{at}.mounts[{i}].src_path", "is empty", "name the host path to mount");
            }

            if (string.IsNullOrWhiteSpace(m.DstPath) || !m.DstPath.StartsWith('/'))
            {
                add($"{at}.mounts[{i}].dst_path", $"\"{m.DstPath}\" is not an absolute path", "use an absolute path such as /data");
            }
        }

        foreach (var key in role.Env.Keys)
        {
            if (!EnvNamePattern().IsMatch(key))
            {
                add($"{at}.env.{key}", "is not an environment variable name", "use letters, digits and '_', not starting with a digit");
            }
        }
    }

    private static void ValidateInput(InputSpec input, string at, Action<string, string, string> add)
    {
        if (string.IsNullOrWhiteSpace(input.Source))
        {
            add($"{at}.source", "is empty", "give a file, a folder or an http(s) URL");
        }
        else if (input.Source.Contains("://", StringComparison.Ordinal)
                 && !input.Source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                 && !input.Source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            add($"{at}.source", $"\"{input.Source}\" uses an unsupported scheme", "use a local path or an http:// or https:// URL");
        }

        if (input.Checksum is { } checksum && !ChecksumPattern().IsMatch(checksum))
        {
            add($"{at}.checksum", $"\"{checksum}\" is not a checksum", "write sha256:<64 hex digits> or sha512:<128 hex digits>");
        }

        if (input.Destination is { } dst && !IsRelativeInside(dst))
        {
            add($"{at}.destination", $"\"{dst}\" is not inside the working directory", "use a relative path without \"..\"");
        }
    }

    private static void ValidateOutput(OutputSpec output, string at, Action<string, string, string> add)
    {
        if (string.IsNullOrWhiteSpace(output.Path))
        {
            add(at, "is empty", "give a path relative to the working directory");
        }
        else if (!IsRelativeInside(output.Path))
        {
            add(at, $"\"{output.Path}\" is not inside the working directory", "use a relative path without \"..\"");
        }

        if (output.Destination is { } dst && !Path.IsPathFullyQualified(dst))
        {
            add($"{at}.destination", $"\"{dst}\" is not an absolute folder", "give an absolute folder such as /data/results, or leave it out");
        }
    }

    private static bool IsRelativeInside(string path) =>
        !path.StartsWith('/') && !path.StartsWith('\\') && !path.Contains(':', StringComparison.Ordinal)
        && !path.Split('/', '\\').Contains("..");

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvNamePattern();

    [GeneratedRegex("^(sha256:[0-9a-fA-F]{64}|sha512:[0-9a-fA-F]{128})$")]
    private static partial Regex ChecksumPattern();
}
