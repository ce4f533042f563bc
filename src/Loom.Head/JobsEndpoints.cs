using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;
using Loom.Jobs.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Loom.Head;

/// <summary>The routes of the job API (<c>/api/v1</c>), described in the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
internal static class JobsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, JobService jobs, Func<string> url, Action shutdown)
    {
        var api = routes.MapGroup("/api/v1");
        api.MapGet("/head", () => Results.Json(jobs.Info(url()), JobsJson.Options))
            .WithSummary("The head's session, resources and load.").Produces<HeadInfo>();
        api.MapPost("/head/shutdown", () =>
        {
            shutdown();
            return Results.Accepted();
        }).WithSummary("Stops the head; running jobs are halted and queued again.");
        api.MapPost("/jobs", async (HttpRequest request) =>
        {
            JobSubmission? submission;
            try
            {
                submission = await request.ReadFromJsonAsync<JobSubmission>(JobsJson.Options).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException e)
            {
                return Results.Json(new ApiError($"The submission is not valid JSON: {e.Message}"), JobsJson.Options, statusCode: 400);
            }

            return submission is null
                ? Results.Json(new ApiError("The submission is empty."), JobsJson.Options, statusCode: 400)
                : Guard(() => Results.Json(jobs.Submit(submission), JobsJson.Options, statusCode: 201));
        }).Accepts<JobSubmission>("application/json")
            .WithSummary("Submits an app (or an array, or a batch of apps); all of it is queued or none.")
            .Produces<SubmitResult>(201).Produces<ApiError>(400);
        api.MapGet("/jobs", (string? state, string? user, long? array) => Guard(() =>
        {
            JobState? parsed = null;
            if (state is not null)
            {
                parsed = JobStateNames.TryParse(state, out var s)
                    ? s
                    : throw new JobRejectedException($"'{state}' is not a job state; states: {JobStateNames.All}.");
            }

            return Results.Json(jobs.List(parsed, user, array), JobsJson.Options);
        })).WithSummary("Lists jobs, newest first, by state, user or array.").Produces<IReadOnlyList<JobView>>();
        api.MapGet("/jobs/{id:long}", (long id) => Guard(() => Results.Json(jobs.Get(id), JobsJson.Options)))
            .WithSummary("One job's state.").Produces<JobView>().Produces<ApiError>(404);
        api.MapGet("/jobs/{id:long}/describe", (long id) => Guard(() => Results.Json(jobs.Describe(id), JobsJson.Options)))
            .WithSummary("One job's state, app and transition history.").Produces<JobDescription>().Produces<ApiError>(404);
        api.MapPost("/jobs/{id:long}/cancel", (long id) => Guard(() => Results.Json(jobs.Cancel(id), JobsJson.Options)))
            .WithSummary("Cancels a job (an array's first task: the whole array).").Produces<JobView>().Produces<ApiError>(409);
        api.MapPost("/jobs/{id:long}/halt", (long id) => Guard(() => Results.Json(jobs.Halt(id), JobsJson.Options)))
            .WithSummary("Halts a running job, keeping its checkpoints.").Produces<JobView>().Produces<ApiError>(409);
        api.MapPost("/jobs/{id:long}/resume", (long id) => Guard(() => Results.Json(jobs.Resume(id), JobsJson.Options)))
            .WithSummary("Queues a halted job again.").Produces<JobView>().Produces<ApiError>(409);
        api.MapGet("/jobs/{id:long}/logs/{role}/{replica:int}/{stream}", (long id, string role, int replica, string stream, long? offset) =>
            Guard(() => ReadLog(jobs, id, role, replica, stream, offset ?? 0)))
            .WithSummary("A replica's stdout or stderr from a byte offset; the Loom-Next-Offset header says where to go on.")
            .Produces<string>(200, "text/plain").Produces<ApiError>(404);
    }

    private static LogResult ReadLog(JobService jobs, long id, string role, int replica, string stream, long offset)
    {
        if (stream is not ("stdout" or "stderr"))
        {
            throw new JobRejectedException($"'{stream}' is not a log stream; use stdout or stderr.");
        }

        var job = jobs.Get(id);
        var found = job.Replicas.FirstOrDefault(r => r.Role == role && r.ReplicaId == replica)
            ?? throw new KeyNotFoundException(job.Replicas.Count == 0
                ? $"Job {id.ToString(CultureInfo.InvariantCulture)} has not started any replica yet ({JobStateNames.Name(job.State)})."
                : $"Job {id.ToString(CultureInfo.InvariantCulture)} has no replica {role}/{replica.ToString(CultureInfo.InvariantCulture)}; it has " +
                  string.Join(", ", job.Replicas.Select(r => $"{r.Role}/{r.ReplicaId.ToString(CultureInfo.InvariantCulture)}")) + ".");
        var path = Path.Combine(found.Directory, stream + ".log");
        var text = "";
        var next = offset;
        if (File.Exists(path))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (offset < file.Length)
            {
                file.Position = offset;
                var buffer = new byte[Math.Min(file.Length - offset, 4 * 1024 * 1024)];
                file.ReadExactly(buffer);
                text = System.Text.Encoding.UTF8.GetString(buffer);
                next = offset + buffer.Length;
            }
        }

        return new LogResult(text, next);
    }

    private static IResult Guard(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (JobRejectedException e)
        {
            return Results.Json(new ApiError(e.Message), JobsJson.Options, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (KeyNotFoundException e)
        {
            return Results.Json(new ApiError(e.Message), JobsJson.Options, statusCode: StatusCodes.Status404NotFound);
        }
        catch (JobConflictException e)
        {
            return Results.Json(new ApiError(e.Message), JobsJson.Options, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private sealed class LogResult(string text, long next) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[LogHeaders.NextOffset] = next.ToString(CultureInfo.InvariantCulture);
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            return httpContext.Response.WriteAsync(text);
        }
    }
}
