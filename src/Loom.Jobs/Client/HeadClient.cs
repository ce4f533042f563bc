using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Loom.Jobs.Api;
using Loom.Jobs.Queue;

namespace Loom.Jobs.Client;

/// <summary>The client of the head's HTTP API, as the <c>loom</c> CLI uses it.</summary>
public sealed class HeadClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client for a head.</summary>
    /// <param name="address">Where the head listens.</param>
    /// <param name="token">The API token.</param>
    public HeadClient(HeadAddress address, string token)
    {
        ArgumentNullException.ThrowIfNull(address);
        Address = address;
        _http = new HttpClient { BaseAddress = new Uri(address.Url), Timeout = TimeSpan.FromMinutes(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Where the head listens.</summary>
    public HeadAddress Address { get; }

    /// <summary>Connects to the head recorded in a state folder.</summary>
    /// <param name="home">The state folder.</param>
    /// <returns>The client.</returns>
    /// <exception cref="HeadRequestException">No head is recorded there.</exception>
    public static HeadClient Connect(LoomHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var address = HeadAddress.Read(home)
            ?? throw new HeadRequestException($"No head is running for {home.Path} (no head.json there). Start one with 'loom start --head'.");
        return new HeadClient(address, home.ReadOrCreateToken());
    }

    /// <summary>The head's resources and load.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The summary.</returns>
    public Task<HeadInfo> InfoAsync(CancellationToken cancellationToken = default) =>
        SendAsync<HeadInfo>(HttpMethod.Get, "api/v1/head", null, cancellationToken);

    /// <summary>Submits jobs.</summary>
    /// <param name="submission">What to run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The queued jobs.</returns>
    public Task<SubmitResult> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken = default) =>
        SendAsync<SubmitResult>(HttpMethod.Post, "api/v1/jobs", JsonContent.Create(submission, options: JobsJson.Options), cancellationToken);

    /// <summary>One job.</summary>
    /// <param name="id">The job.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    public Task<JobView> GetAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<JobView>(HttpMethod.Get, $"api/v1/jobs/{Id(id)}", null, cancellationToken);

    /// <summary>One job with its app and history.</summary>
    /// <param name="id">The job.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The description.</returns>
    public Task<JobDescription> DescribeAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<JobDescription>(HttpMethod.Get, $"api/v1/jobs/{Id(id)}/describe", null, cancellationToken);

    /// <summary>The jobs, newest first.</summary>
    /// <param name="state">Only this state.</param>
    /// <param name="user">Only this user.</param>
    /// <param name="arrayParentId">Only the tasks of this array.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The jobs.</returns>
    public Task<IReadOnlyList<JobView>> ListAsync(
        JobState? state = null, string? user = null, long? arrayParentId = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (state is { } s)
        {
            query.Add("state=" + JobStateNames.Name(s));
        }

        if (user is not null)
        {
            query.Add("user=" + Uri.EscapeDataString(user));
        }

        if (arrayParentId is { } parent)
        {
            query.Add("array=" + Id(parent));
        }

        var path = "api/v1/jobs" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync<IReadOnlyList<JobView>>(HttpMethod.Get, path, null, cancellationToken);
    }

    /// <summary>Cancels a job (for an array's first task, the whole array).</summary>
    /// <param name="id">The job.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    public Task<JobView> CancelAsync(long id, CancellationToken cancellationToken = default) => ActAsync(id, "cancel", cancellationToken);

    /// <summary>Halts a running job.</summary>
    /// <param name="id">The job.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    public Task<JobView> HaltAsync(long id, CancellationToken cancellationToken = default) => ActAsync(id, "halt", cancellationToken);

    /// <summary>Resumes a halted job.</summary>
    /// <param name="id">The job.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job.</returns>
    public Task<JobView> ResumeAsync(long id, CancellationToken cancellationToken = default) => ActAsync(id, "resume", cancellationToken);

    /// <summary>Reads a replica's log from an offset.</summary>
    /// <param name="id">The job.</param>
    /// <param name="role">The role.</param>
    /// <param name="replica">The replica id.</param>
    /// <param name="stream"><c>stdout</c> or <c>stderr</c>.</param>
    /// <param name="offset">The byte offset to read from.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The text read and the offset to read from next.</returns>
    public async Task<(string Text, long NextOffset)> ReadLogAsync(
        long id, string role, int replica, string stream, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        var path = $"api/v1/jobs/{Id(id)}/logs/{Uri.EscapeDataString(role)}/{replica.ToString(CultureInfo.InvariantCulture)}/{stream}?offset={offset.ToString(CultureInfo.InvariantCulture)}";
        using var response = await SendRawAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var next = response.Headers.TryGetValues(LogHeaders.NextOffset, out var values)
            ? long.Parse(values.First(), CultureInfo.InvariantCulture)
            : offset;
        return (text, next);
    }

    /// <summary>Asks the head to stop (running jobs are halted and queued again).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the head has accepted.</returns>
    public async Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(HttpMethod.Post, "api/v1/head/shutdown", null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<JobView> ActAsync(long id, string action, CancellationToken cancellationToken) =>
        SendAsync<JobView>(HttpMethod.Post, $"api/v1/jobs/{Id(id)}/{action}", null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(JobsJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new HeadRequestException($"The head answered {path} with an empty body.");
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new HeadRequestException(
                $"The head at {Address.Url} does not answer ({e.Message}). It may have stopped: start it with 'loom start --head'.", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            string message;
            try
            {
                message = JsonSerializer.Deserialize<ApiError>(body, JobsJson.Options)?.Error ?? body;
            }
            catch (JsonException)
            {
                message = body;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                message = $"The head refused the API token (401 Unauthorized): {message}";
            }

            throw new HeadRequestException(response.StatusCode, message);
        }
    }
}
