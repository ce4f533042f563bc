using System.Globalization;

namespace Loom.Jobs.Staging;

/// <summary>Streams an http(s) URL into a new file.</summary>
internal static class HttpDownload
{
    /// <summary>Downloads the URL into a file that must not exist yet.</summary>
    /// <param name="http">The client to download with.</param>
    /// <param name="url">The http or https URL.</param>
    /// <param name="path">The file to create.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>A task that ends when the whole body is in the file.</returns>
    /// <exception cref="StagingFailure">The server did not answer with success, or the body ended early.</exception>
    public static async Task ToFileAsync(HttpClient http, Uri url, string path, CancellationToken cancellationToken)
    {
        using var response = await Send(http, url, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
            throw new StagingFailure(string.Create(CultureInfo.InvariantCulture, $"the server answered {(int)response.StatusCode} {reason}"));
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (body)
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (file)
            {
                try
                {
                    await body.CopyToAsync(file, cancellationToken);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new StagingFailure($"the download timed out after {http.Timeout}", e);
                }
                catch (Exception e) when (e is IOException or HttpRequestException)
                {
                    throw new StagingFailure($"the download failed: {e.Message}", e);
                }

                if (response.Content.Headers.ContentLength is { } expected && file.Length != expected)
                {
                    throw new StagingFailure(string.Create(CultureInfo.InvariantCulture, $"the download ended after {file.Length} of {expected} bytes"));
                }
            }
        }
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new StagingFailure($"could not download: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StagingFailure($"the server did not answer within {http.Timeout}", e);
        }
    }
}
