using System.Globalization;

namespace Loom.Jobs.Api;

/// <summary>
/// Job handles as the CLI takes them: <c>local://SESSION/NAME-ID</c> (what <c>loom run</c> prints),
/// <c>NAME-ID</c>, or the plain job number.
/// </summary>
public static class JobHandle
{
    /// <summary>The scheme of the local scheduler.</summary>
    public const string LocalScheme = "local";

    /// <summary>The app id of a job: its name, a dash and its number.</summary>
    /// <param name="name">The app's name.</param>
    /// <param name="id">The job's number.</param>
    /// <returns>The app id.</returns>
    public static string AppId(string name, long id) => $"{name}-{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The handle of a job.</summary>
    /// <param name="session">The head's session.</param>
    /// <param name="name">The app's name.</param>
    /// <param name="id">The job's number.</param>
    /// <returns>The handle.</returns>
    public static string Format(string session, string name, long id) => $"{LocalScheme}://{session}/{AppId(name, id)}";

    /// <summary>Reads the job number from a handle.</summary>
    /// <param name="handle">A handle, an app id or a number.</param>
    /// <param name="id">The job's number.</param>
    /// <param name="error">Why it could not be read.</param>
    /// <returns>True when it could be read.</returns>
    public static bool TryParse(string handle, out long id, out string error)
    {
        ArgumentNullException.ThrowIfNull(handle);
        id = 0;
        var text = handle.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var prefix = text[..scheme];
            if (prefix != LocalScheme)
            {
                error = $"'{handle}' is a handle of the '{prefix}' scheduler; this head runs '{LocalScheme}' jobs.";
                return false;
            }

            var slash = text.LastIndexOf('/');
            text = text[(slash + 1)..];
        }

        var dash = text.LastIndexOf('-');
        var number = dash >= 0 ? text[(dash + 1)..] : text;
        if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0)
        {
            error = "";
            return true;
        }

        error = $"'{handle}' is not a job handle: give what 'loom run' printed (local://SESSION/NAME-ID), NAME-ID or the job number.";
        return false;
    }
}
