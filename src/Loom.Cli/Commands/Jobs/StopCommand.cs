using System.CommandLine;
using System.Diagnostics;
using Loom.Cli.Jobs;
using Loom.Jobs.Client;

namespace Loom.Cli.Commands.Jobs;

/// <summary><c>loom stop</c>: stops the head; its running jobs are halted and queued again, its queued jobs kept.</summary>
internal static class StopCommand
{
    public static Command Create()
    {
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the head to exit before it is killed.",
            DefaultValueFactory = _ => 120,
        };
        var command = new Command("stop", "Stop the head; running jobs are halted and queued again, queued jobs are kept.") { timeout };
        command.SetAction((parseResult, _) => JobCommandRunner.RunAsync(async () =>
        {
            var home = LoomHome.Resolve();
            var address = HeadAddress.Read(home);
            if (address is null || !address.ProcessAlive)
            {
                if (address is not null)
                {
                    File.Delete(home.HeadFile);
                }

                Console.WriteLine($"No head is running for {home.Path}.");
                return ExitCodes.Success;
            }

            using var process = Process.GetProcessById(address.Pid);
            using (var client = new HeadClient(address, home.ReadOrCreateToken()))
            {
                try
                {
                    await client.ShutdownAsync().ConfigureAwait(false);
                }
                catch (HeadRequestException)
                {
                    process.Kill();
                }
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(parseResult.GetValue(timeout)));
            try
            {
                await process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: false);
                await process.WaitForExitAsync().ConfigureAwait(false);
                File.Delete(home.HeadFile);
                Console.WriteLine($"The head (pid {address.Pid}) did not stop in time and was killed; its jobs are re-attached by the next head.");
                return ExitCodes.Failure;
            }

            Console.WriteLine($"Stopped the head (pid {address.Pid}).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
