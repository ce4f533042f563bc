using Loom.Jobs.Specs;

namespace Loom.Jobs.Tests.Specs;

public sealed class AppSpecLoaderTests
{
    private static AppSpecException Fails(string yaml) =>
        Assert.Throws<AppSpecException>(() => AppSpecLoader.Load(yaml, "app.yaml"));

    [Fact]
    public void A_full_spec_loads_every_field()
    {
        var app = AppSpecLoader.Load("""
            name: train
            metadata: {team: vision}
            time_limit: 2h
            memory_limit: 64GiB
            priority: 5
            user: alice
            preemptible: true
            inputs:
              - data/
              - source: https://example.com/w.bin
                checksum: sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            outputs: [checkpoints/, {path: log.txt}]
            roles:
              - name: trainer
                image: /opt/img
                entrypoint: python
                args: [main.py, --rank, "${replica_id}"]
                env: {LOGLEVEL: INFO}
                num_replicas: 4
                min_replicas: 2
                max_retries: 3
                retry_policy: REPLICA
                resource: {cpu: 8, gpu: 2, memMB: 16384, devices: {efa: 1}, capabilities: {arch: sm90}}
                port_map: {c10d: 29500}
                mounts: [{src_path: /data, dst_path: /mnt/data, read_only: true}]
              - name: ps
                entrypoint: ps.sh
                resource: gpu.small
            """, "app.yaml");
        Assert.Equal("train", app.Name);
        Assert.Equal(TimeSpan.FromHours(2), app.TimeLimit);
        Assert.Equal(65536, app.MemoryLimitMB);
        Assert.Equal((5, "alice", true), (app.Priority, app.User, app.Preemptible));
        Assert.Equal([new InputSpec("data/"), new InputSpec("https://example.com/w.bin", "sha256:" + new string('a', 64))], app.Inputs);
        Assert.Equal([new OutputSpec("checkpoints/"), new OutputSpec("log.txt")], app.Outputs);
        var t = app.Roles[0];
        Assert.Equal(["main.py", "--rank", "${replica_id}"], t.Args);
        Assert.Equal((4, 2, 3, RetryPolicy.Replica), (t.NumReplicas, t.MinReplicas, t.MaxRetries, t.RetryPolicy));
        Assert.Equal((8, 2, 16384, 1, "sm90"), (t.Resource.Cpu, t.Resource.Gpu, t.Resource.MemMB, t.Resource.Devices["efa"], t.Resource.Capabilities["arch"]));
        Assert.Equal(29500, t.PortMap["c10d"]);
        Assert.Equal(new BindMount("/data", "/mnt/data", true), t.Mounts[0]);
        Assert.Equal("vision", app.Metadata["team"]);
        Assert.Same(NamedResources.Get("gpu.small"), app.Roles[1].Resource);
    }

    [Fact]
    public void Json_is_read_as_yaml()
    {
        var app = AppSpecLoader.Load("""{"name": "j", "roles": [{"name": "r", "entrypoint": "echo", "args": ["hi"], "num_replicas": 2}]}""");
        Assert.Equal(2, app.Roles[0].NumReplicas);
        Assert.Equal(["hi"], app.Roles[0].Args);
    }

    [Fact]
    public void A_bad_value_names_the_file_line_column_and_field()
    {
        var e = Fails("""
            name: train
            roles:
              - name: trainer
                entrypoint: python
                resource:
                  gpu: two
            """);
        Assert.Equal("app.yaml:6:12: roles[0].resource.gpu: expected a whole number, got \"two\"", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Unknown_fields_get_a_did_you_mean()
    {
        var e = Fails("""
            name: train
            roles:
              - name: trainer
                entrypoint: python
                num_replica: 2
            priorty: 3
            """);
        Assert.Equal(
            ["app.yaml:5:5: roles[0].num_replica: unknown field \"num_replica\"; did you mean \"num_replicas\"?",
             "app.yaml:6:1: priorty: unknown field \"priorty\"; did you mean \"priority\"?"],
            e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void Unknown_named_resources_get_a_did_you_mean()
    {
        var e = Fails("name: a\nroles: [{name: r, entrypoint: x, resource: gpu.smal}]\n");
        Assert.Contains("did you mean \"gpu.small\"", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_line_and_column()
    {
        var e = Fails("name: a\nroles:\n  - name: [r\n");
        var error = Assert.Single(e.Errors);
        Assert.StartsWith("app.yaml:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("malformed YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 3);
    }

    [Fact]
    public void Missing_required_fields_and_validation_problems_are_located()
    {
        var e = Fails("""
            name: a
            roles:
              - name: r
                num_replicas: 0
            """);
        Assert.Equal(
            ["app.yaml:3:5: roles[0].entrypoint: is required; add \"entrypoint:\"",
             "app.yaml:4:19: roles[0].num_replicas: must be at least 1, got 0; set num_replicas to 1 or more"],
            e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void Wrong_shapes_are_reported()
    {
        var e = Fails("name: [a]\nroles: {x: 1}\ntime_limit: soon\n");
        Assert.Equal(["name", "roles", "time_limit"], e.Errors.Select(x => x.Path));
        Assert.Contains("expected a list, got a mapping", e.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_spec_is_an_error() => Assert.Equal(1, Assert.Single(Fails("").Errors).Line);

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1d", 86400)]
    [InlineData("01:00:05", 3605)]
    [InlineData("1-00:00:00", 86400)]
    public void Durations_parse(string text, int seconds)
    {
        Assert.True(SpecValues.TryParseDuration(text, out var d));
        Assert.Equal(TimeSpan.FromSeconds(seconds), d);
    }

    [Fact]
    public void Loading_a_file_reports_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"loom-spec-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: a\nroles: []\n");
        try
        {
            var e = Assert.Throws<AppSpecException>(() => AppSpecLoader.LoadFile(path));
            Assert.Equal($"{path}:2:8: roles: has no roles; add at least one role with a name and an entrypoint", Assert.Single(e.Errors).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
