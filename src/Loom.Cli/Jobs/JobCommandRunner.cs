using Loom.Jobs.Client;
using Loom.Jobs.Components;
using Loom.Jobs.Schedulers;
using Loom.Jobs.Specs;

namespace Loom.Cli.Jobs;

/// <summary>Runs a job command's body, turning the known failures into a message on stderr and an exit code.</summary>
internal static class JobCommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliFailure e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (HeadRequestException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return e.Status == System.Net.HttpStatusCode.BadRequest ? ExitCodes.Usage : ExitCodes.Failure;
        }
        catch (ComponentBindingException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            if (!string.IsNullOrEmpty(e.Usage))
            {
                await Console.Error.WriteLineAsync(e.Usage).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }
        catch (SchedulerException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return e.IsUsageError ? ExitCodes.Usage : ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (AppSpecException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }
}
