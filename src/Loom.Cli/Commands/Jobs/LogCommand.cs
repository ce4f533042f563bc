using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Loom.Cli.Jobs;
using Loom.Jobs.Api;
using Loom.Jobs.Client;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom log HANDLE [ROLE[/REPLICA]] [--follow] [--tail N] [--regex R] [--streams stdout|stderr|combined]</c>.</summary>
internal static class LogCommand
{
    public static Command Create()
    {
        var handle = HandleArgument.Create();
        var selector = new Argument<string?>("role") { Description = "Only this role, or ROLE/REPLICA for one replica.", Arity = ArgumentArity.ZeroOrOne };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until the job ends." };
        var tail = new Option<int?>("--tail") { Description = "Only the last N lines (of the selected replicas together)." };
        var regex = new Option<string?>("--regex") { Description = "Only lines matching this regular expression." };
        var streams = new Option<string>("--streams")
        {
            Description = "stdout, stderr or combined (both).",
            DefaultValueFactory = _ => "combined",
        };
        streams.AcceptOnlyFromAmong("stdout", "stderr", "combined");
        var command = new Command("log", "Print a job's replica logs.") { handle, selector, follow, tail, regex, streams };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var id = HandleArgument.ReadHandle(parseResult, handle);
            var (role, replica) = Select(parseResult.GetValue(selector));
            Regex? filter;
            try
            {
                filter = parseResult.GetValue(regex) is { } pattern ? new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)) : null;
            }
            catch (ArgumentException e)
            {
                throw new CliFailure($"--regex is not a valid regular expression: {e.Message}", ExitCodes.Usage);
            }

            string[] chosen = parseResult.GetValue(streams) switch
            {
                "stdout" => ["stdout"],
                "stderr" => ["stderr"],
                _ => ["stdout", "stderr"],
            };
            using var scheduler = await SchedulerConnector.ForHandleAsync(id, LoomHome.Resolve()).ConfigureAwait(false);
            var job = await scheduler.GetAsync(id).ConfigureAwait(false);
            bool Selected(ReplicaView r) => (role is null || r.Role == role) && (replica is null || r.ReplicaId == replica);
            if (job.Replicas.Count > 0 && !job.Replicas.Any(Selected))
            {
                var known = string.Join(", ", job.Replicas.Select(r => $"{r.Role}/{r.ReplicaId.ToString(CultureInfo.InvariantCulture)}"));
                throw new CliFailure($"Job {job.AppId} has no replica matching '{parseResult.GetValue(selector)}'; it has {known}.", ExitCodes.Usage);
            }

            var prefix = job.Replicas.Count(Selected) > 1;
            var reader = new LogFollower(scheduler, id, Selected, chosen, filter, prefix);
            if (!parseResult.GetValue(follow))
            {
                var lines = await reader.ReadNewLinesAsync(job, flush: true).ConfigureAwait(false);
                foreach (var line in parseResult.GetValue(tail) is { } n ? lines.TakeLast(n) : lines)
                {
                    Console.WriteLine(line);
                }

                return ExitCodes.Success;
            }

            var first = true;
            await JobWatch.UntilFinalAsync(scheduler, id, async current =>
            {
                var lines = await reader.ReadNewLinesAsync(current, flush: JobWatch.IsFinal(current, scheduler.Name)).ConfigureAwait(false);
                var shown = first && parseResult.GetValue(tail) is { } n ? lines.TakeLast(n) : lines;
                first = false;
                foreach (var line in shown)
                {
                    Console.WriteLine(line);
                }
            }).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (string? Role, int? Replica) Select(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (text, null);
        }

        return int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var replica)
            ? (text[..slash], replica)
            : throw new CliFailure($"'{text}' is not ROLE/REPLICA (the replica is a number, e.g. trainer/0).", ExitCodes.Usage);
    }
}
