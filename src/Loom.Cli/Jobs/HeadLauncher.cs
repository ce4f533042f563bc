using System.Diagnostics;
using System.Globalization;
using Loom.Jobs.Api;
using Loom.Jobs.Client;

namespace Loom.Cli.Jobs;

/// <summary>Starts a head in the background (<c>loom head</c> in its own session, its output in <c>head.log</c>) and waits until it answers.</summary>
internal static class HeadLauncher
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    /// <summary>A client of the running head, or null when none answers.</summary>
    public static async Task<HeadClient?> TryConnectAsync(LoomHome home)
    {
        if (HeadAddress.Read(home) is not { } address || !address.ProcessAlive)
        {
            return null;
        }

        var client = new HeadClient(address, home.ReadOrCreateToken());
        try
        {
            await client.InfoAsync().ConfigureAwait(false);
            return client;
        }
        catch (HeadRequestException)
        {
            client.Dispose();
            return null;
        }
    }

    /// <summary>The running head's client; a failure that says how to start one when none runs.</summary>
    public static async Task<HeadClient> ConnectAsync(LoomHome home) =>
        await TryConnectAsync(home).ConfigureAwait(false)
        ?? throw new CliFailure($"No head is running for {home.Path}. Start one with 'loom start --head' (or submit with 'loom run', which starts one).");

    /// <summary>Starts a head and waits until it answers.</summary>
    public static async Task<HeadClient> StartAsync(LoomHome home, IReadOnlyList<string> headArguments)
    {
        Directory.CreateDirectory(home.Path);
        if (HeadAddress.Read(home) is { ProcessAlive: false })
        {
            File.Delete(home.HeadFile);
        }

        var launched = DateTime.UtcNow.AddSeconds(-1);
        var command = SelfCommand.Get().Concat(["head", "--home", home.Path]).Concat(headArguments).ToArray();
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        // The head runs in its own session (setsid where there is one), detached from this terminal, with its
        // output appended to head.log; the shell returns at once.
        start.ArgumentList.Add("log=$1; shift; if command -v setsid >/dev/null 2>&1; then setsid \"$@\" < /dev/null >> \"$log\" 2>&1 & else \"$@\" < /dev/null >> \"$log\" 2>&1 & fi; echo $!");
        start.ArgumentList.Add("loom-start");
        start.ArgumentList.Add(home.HeadLog);
        foreach (var word in command)
        {
            start.ArgumentList.Add(word);
        }

        start.RedirectStandardOutput = true;
        using var shell = Process.Start(start) ?? throw new CliFailure("Could not start /bin/sh to launch the head.");
        var pidText = await shell.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await shell.WaitForExitAsync().ConfigureAwait(false);
        var pid = int.Parse(pidText.Trim(), CultureInfo.InvariantCulture);

        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            var fresh = File.Exists(home.HeadFile) && File.GetLastWriteTimeUtc(home.HeadFile) >= launched;
            if (fresh && await TryConnectAsync(home).ConfigureAwait(false) is { } client)
            {
                return client;
            }

            if (!fresh && !HeadAddress.IsRunning(pid))
            {
                throw new CliFailure($"The head exited while starting. Its log ({home.HeadLog}) ends with:{Environment.NewLine}{Tail(home.HeadLog)}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new CliFailure($"The head (pid {pid}) did not answer within {StartPatience.TotalSeconds} s; see {home.HeadLog}.");
    }

    /// <summary>Describes a head in one line.</summary>
    public static string Describe(HeadInfo info)
    {
        var culture = CultureInfo.InvariantCulture;
        var gpus = info.GpuIds.Count == 0 ? "no GPUs" : $"{info.GpuIds.Count.ToString(culture)} GPU(s)";
        return $"{info.Url} (pid {info.Pid.ToString(culture)}, {info.Cpus.ToString(culture)} CPUs, {gpus}, LOOM_HOME={info.Home})";
    }

    private static string Tail(string path)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(path).TakeLast(20));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
