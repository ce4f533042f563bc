using System.Security.Cryptography;

namespace Loom.Jobs.Client;

/// <summary>
/// The head's state folder, <c>$LOOM_HOME</c> (default <c>~/.loom</c>): the job database, the jobs' folders, the
/// API token (mode 0600) and <c>head.json</c>, which says where the running head listens.
/// </summary>
public sealed class LoomHome
{
    /// <summary>The environment variable that moves the state folder.</summary>
    public const string Variable = "LOOM_HOME";

    /// <summary>Creates the paths of a state folder.</summary>
    /// <param name="path">The folder.</param>
    public LoomHome(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The API token file.</summary>
    public string TokenFile => System.IO.Path.Combine(Path, "token");

    /// <summary>The running head's address and process id.</summary>
    public string HeadFile => System.IO.Path.Combine(Path, "head.json");

    /// <summary>The head's own log.</summary>
    public string HeadLog => System.IO.Path.Combine(Path, "head.log");

    /// <summary>The folder from <c>$LOOM_HOME</c>, else <c>~/.loom</c>.</summary>
    /// <returns>The state folder.</returns>
    public static LoomHome Resolve()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        return new LoomHome(string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".loom")
            : configured);
    }

    /// <summary>Reads the API token, creating a random one readable only by the user (0600) when there is none.</summary>
    /// <returns>The token.</returns>
    public string ReadOrCreateToken()
    {
        Directory.CreateDirectory(Path);
        if (File.Exists(TokenFile))
        {
            return File.ReadAllText(TokenFile).Trim();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var temporary = TokenFile + ".tmp";
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = ownerOnly;
        }

        using (var stream = new FileStream(temporary, create))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(token);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, ownerOnly);
        }

        File.Move(temporary, TokenFile, overwrite: true);
        return token;
    }
}
