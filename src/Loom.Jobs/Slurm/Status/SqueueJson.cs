using System.Text.Json;

namespace Loom.Jobs.Slurm;

/// <summary>
/// Reads the output of <c>squeue --json</c> in both shapes Slurm has written: 22.05's (openapi v0.0.38:
/// <c>job_state</c> a string, plain numbers, <c>exit_code</c> a raw <c>wait()</c> status) and 23.11's and later
/// (data_parser v0.0.40 and up: <c>job_state</c> a list of the base state and its flags, numbers as
/// <c>{"set", "infinite", "number"}</c> objects, <c>exit_code</c> an object with <c>return_code</c> and <c>signal</c>).
/// 22.05's squeue ignores <c>-j</c> and state filters with <c>--json</c> and lists every job the controller still
/// remembers, ended ones included: pick the wanted ids from the result.
/// </summary>
public static class SqueueJson
{
    private const long NoValue = 0xFFFF_FFFE;

    private const long InvalidJobIdError = 2017;

    private static readonly string[] ErrorParts = ["description", "error", "source"];

    /// <summary>Parses the jobs.</summary>
    /// <param name="json">What <c>squeue --json</c> wrote to stdout.</param>
    /// <returns>
    /// One record per job, het component and started array task; an array's tasks that have not started yet
    /// share one record (<c>array_task_string</c> such as <c>0-3%2</c>) with a null <see cref="SlurmJobInfo.ArrayTaskId"/>.
    /// </returns>
    /// <exception cref="FormatException">
    /// The text is not JSON, has no <c>jobs</c> list, a job lacks <c>job_id</c> or <c>job_state</c>, or the
    /// <c>errors</c> list holds an error other than an invalid job id (its messages are in the exception's message).
    /// </exception>
    /// <remarks>
    /// Slurm 23.11 and later answer <c>squeue --json --jobs ID</c> for a job the controller no longer holds with
    /// exit status 0 and <c>Invalid job id specified</c> in <c>errors</c>: that error means the job is not in the
    /// queue, so it yields no record (and a missing <c>jobs</c> list is then an empty one).
    /// </remarks>
    public static IReadOnlyList<SlurmJobInfo> Parse(string json) => Parse(json, null, skipMalformed: false);

    /// <summary>Parses the jobs, or only some of them.</summary>
    /// <param name="json">What <c>squeue --json</c> wrote to stdout.</param>
    /// <param name="jobIds">
    /// The jobs wanted (matched by <c>job_id</c>, <c>array_job_id</c> or <c>het_job_id</c>), or null for every job.
    /// The other jobs are not read further, so one of them that Loom cannot read does no harm.
    /// </param>
    /// <param name="skipMalformed">Whether a wanted job that cannot be read is skipped rather than an error.</param>
    /// <returns>The wanted jobs' records, as <see cref="Parse(string)"/> makes them.</returns>
    /// <exception cref="FormatException">
    /// The text is not a JSON object, <c>errors</c> holds an error other than an invalid job id, there is no
    /// <c>jobs</c> list, or (unless <paramref name="skipMalformed"/>) a wanted job cannot be read.
    /// </exception>
    public static IReadOnlyList<SlurmJobInfo> Parse(string json, IReadOnlySet<long>? jobIds, bool skipMalformed)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"squeue --json output is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"squeue --json output is a JSON {root.ValueKind}, not an object with a jobs list.");
            }

            var invalidJobId = CheckErrors(root);
            if (!root.TryGetProperty("jobs", out var jobsElement) || jobsElement.ValueKind != JsonValueKind.Array)
            {
                return invalidJobId && (!root.TryGetProperty("jobs", out var absent) || absent.ValueKind == JsonValueKind.Null)
                    ? []
                    : throw new FormatException("squeue --json output has no \"jobs\" list.");
            }

            var jobs = new List<SlurmJobInfo>();
            var index = 0;
            foreach (var job in jobsElement.EnumerateArray())
            {
                var at = index++;
                if (jobIds is not null && !IsOf(job, jobIds))
                {
                    continue;
                }

                try
                {
                    jobs.Add(ParseJob(job, at));
                }
                catch (FormatException) when (skipMalformed)
                {
                }
            }

            return jobs;
        }
    }

    /// <summary>Throws on the errors squeue reported, but for an invalid job id (the job is not in the queue): whether there was one.</summary>
    private static bool CheckErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
        {
            return false;
        }

        var others = errors.EnumerateArray().Where(error => !IsInvalidJobId(error)).Select(ErrorMessage).ToList();
        return others.Count == 0
            ? true
            : throw new FormatException($"squeue --json reported errors: {string.Join("; ", others)}");
    }

    /// <summary>Whether an error is Slurm's ESLURM_INVALID_JOB_ID (2017, <c>Invalid job id specified</c>).</summary>
    private static bool IsInvalidJobId(JsonElement error) =>
        ErrorMessage(error).Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)
        || (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("error_number", out var number)
            && number.ValueKind == JsonValueKind.Number && number.TryGetInt64(out var code) && code == InvalidJobIdError);

    /// <summary>Whether a job is one of the wanted ones, by <c>job_id</c>, <c>array_job_id</c> or <c>het_job_id</c>; false when they cannot be read.</summary>
    private static bool IsOf(JsonElement job, IReadOnlySet<long> jobIds)
    {
        if (job.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        try
        {
            return (Number(job, "job_id", 0) is { } id && jobIds.Contains(id))
                || (Id(job, "array_job_id", 0) is { } array && jobIds.Contains(array))
                || (Id(job, "het_job_id", 0) is { } het && jobIds.Contains(het));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string ErrorMessage(JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.String)
        {
            return error.GetString() ?? "";
        }

        if (error.ValueKind != JsonValueKind.Object)
        {
            return error.GetRawText();
        }

        var parts = ErrorParts
            .Select(name => error.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.String ? part.GetString() : null)
            .Where(part => !string.IsNullOrWhiteSpace(part))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return parts.Count > 0 ? string.Join(" - ", parts) : error.GetRawText();
    }

    private static SlurmJobInfo ParseJob(JsonElement job, int index)
    {
        if (job.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"squeue --json: jobs[{index}] is a JSON {job.ValueKind}, not an object.");
        }

        var jobId = Number(job, "job_id", index) ?? throw new FormatException($"squeue --json: jobs[{index}] has no job_id.");
        var where = $"squeue --json: job {jobId}";
        var draft = new SlurmJobDraft
        {
            JobId = jobId,
            Name = Text(job, "name", where),
            State = State(job, where),
            Reason = Text(job, "state_reason", where),
            NodeList = SlurmValues.Text(Text(job, "nodes", where)),
            User = Text(job, "user_name", where),
            Partition = Text(job, "partition", where),
            SubmitTime = SlurmTimes.FromUnix(Number(job, "submit_time", index)),
            StartTime = SlurmTimes.FromUnix(Number(job, "start_time", index)),
            EndTime = SlurmTimes.FromUnix(Number(job, "end_time", index)),
            RestartCount = (int)(Number(job, "restart_cnt", index) ?? 0),
        };
        (draft.ExitCode, draft.Signal) = ExitStatus(job, where);

        var arrayJobId = Id(job, "array_job_id", index);
        var hetJobId = Id(job, "het_job_id", index);
        if (arrayJobId is not null)
        {
            draft.BaseJobId = arrayJobId;
            draft.ArrayTaskId = (int?)Id(job, "array_task_id", index, zeroIsNone: false);
        }
        else if (hetJobId is not null)
        {
            draft.BaseJobId = hetJobId;
            draft.HetJobOffset = (int)(Id(job, "het_job_offset", index, zeroIsNone: false) ?? 0);
        }

        return draft.ToInfo();
    }

    private static string State(JsonElement job, string where)
    {
        if (!job.TryGetProperty("job_state", out var state))
        {
            throw new FormatException($"{where} has no job_state.");
        }

        switch (state.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(state.GetString()):
                return state.GetString()!;
            case JsonValueKind.Array when state.GetArrayLength() > 0:
                var names = state.EnumerateArray()
                    .Select(name => name.ValueKind == JsonValueKind.String
                        ? name.GetString()!
                        : throw new FormatException($"{where}: job_state holds a JSON {name.ValueKind}, not a state name."))
                    .ToList();
                return SlurmStates.BaseOf(names);
            default:
                throw new FormatException($"{where}: job_state is {state.GetRawText()}, not a state name or a list of them.");
        }
    }

    private static (int? Code, int? Signal) ExitStatus(JsonElement job, string where)
    {
        if (!job.TryGetProperty("exit_code", out var exit) || exit.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (exit.ValueKind == JsonValueKind.Number)
        {
            var (code, signal) = SlurmExitStatus.FromWaitStatus(exit.GetInt64());
            return (code, signal);
        }

        if (exit.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where}: exit_code is {exit.GetRawText()}, not a number or an object.");
        }

        if (exit.TryGetProperty("status", out var status) && Strings(status).Contains("PENDING", StringComparer.Ordinal))
        {
            return (null, null);
        }

        var returnCode = exit.TryGetProperty("return_code", out var rc) ? Value(rc, $"{where}: exit_code.return_code") : null;
        long? signalId = null;
        if (exit.TryGetProperty("signal", out var signalElement) && signalElement.ValueKind == JsonValueKind.Object
            && signalElement.TryGetProperty("id", out var id))
        {
            signalId = Value(id, $"{where}: exit_code.signal.id");
        }

        return ((int)(returnCode ?? 0), (int)(signalId ?? 0));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        _ => [],
    };

    private static string Text(JsonElement job, string name, string where)
    {
        if (!job.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"{where}: {name} is {value.GetRawText()}, not a string.");
    }

    /// <summary>An id field: null when absent, unset, Slurm's no-value marker, or (where 22.05 writes 0 for none) zero.</summary>
    private static long? Id(JsonElement job, string name, int index, bool zeroIsNone = true)
    {
        var value = Number(job, name, index);
        return value is null || value >= NoValue || (zeroIsNone && value == 0) ? null : value;
    }

    private static long? Number(JsonElement job, string name, int index) =>
        job.TryGetProperty(name, out var value) ? Value(value, $"squeue --json: jobs[{index}].{name}") : null;

    /// <summary>A number written plain (22.05), as <c>{"set", "infinite", "number"}</c> (23.11+), or as null or <c>"Infinity"</c>.</summary>
    private static long? Value(JsonElement value, string where)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when value.TryGetInt64(out var number):
                return number;
            case JsonValueKind.String when value.GetString() is "Infinity" or "":
                return null;
            case JsonValueKind.Object:
                var set = value.TryGetProperty("set", out var setElement) && setElement.ValueKind == JsonValueKind.True;
                var infinite = value.TryGetProperty("infinite", out var infElement) && infElement.ValueKind == JsonValueKind.True;
                if (!set || infinite)
                {
                    return null;
                }

                return value.TryGetProperty("number", out var numberElement)
                    ? Value(numberElement, where)
                    : throw new FormatException($"{where} is set but has no number.");
            default:
                throw new FormatException($"{where} is {value.GetRawText()}, not a number.");
        }
    }
}
