using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Loom.Jobs.Tests.Staging;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a port the OS picks): one request per connection, GET of a
/// known path answers its bytes, anything else 404. A path in <c>truncated</c> is announced at twice its
/// length and cut short.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly IReadOnlySet<string> _truncated;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TestHttpServer(IReadOnlyDictionary<string, byte[]> files, IReadOnlySet<string>? truncated = null)
    {
        _files = files;
        _truncated = truncated ?? new HashSet<string>();
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url(string pathAndQuery) =>
        string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{pathAndQuery}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    await AnswerAsync(client.GetStream());
                }
                catch (IOException)
                {
                    // The client went away; serve the next one.
                }
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync() ?? "";
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
        {
        }

        var target = requestLine.Split(' ') is [_, var t, ..] ? t : "/";
        var path = target.Split('?')[0].TrimStart('/');
        if (requestLine.StartsWith("GET ", StringComparison.Ordinal) && _files.TryGetValue(path, out var body))
        {
            var announced = _truncated.Contains(path) ? body.Length * 2 : body.Length;
            await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {announced}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(body);
        }
        else
        {
            await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }

        await stream.FlushAsync();
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
