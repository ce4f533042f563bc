namespace Loom.Jobs.Staging;

/// <summary>Where an input comes from: an http(s) URL, or a local file or folder as a full path.</summary>
/// <param name="Url">The URL, for a download.</param>
/// <param name="LocalPath">The full local path, for a copy.</param>
internal sealed record InputSource(Uri? Url, string? LocalPath)
{
    /// <summary>Reads an input's source.</summary>
    /// <param name="source">A local path, or an <c>http://</c> or <c>https://</c> URL.</param>
    /// <param name="baseDirectory">The folder a relative local path is taken from; the current directory when null.</param>
    /// <returns>The source.</returns>
    /// <exception cref="StagingFailure">The source is empty, or a URL of another scheme.</exception>
    public static InputSource Parse(string source, string? baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new StagingFailure("the source is empty; give a file, a folder or an http(s) URL");
        }

        if (source.Contains("://", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                return new InputSource(url, null);
            }

            throw new StagingFailure("unsupported source; use a local path or an http:// or https:// URL");
        }

        var path = baseDirectory is null ? Path.GetFullPath(source) : Path.GetFullPath(source, Path.GetFullPath(baseDirectory));
        return new InputSource(null, path);
    }

    /// <summary>The name the input is staged under when it has no destination: the file or folder name, or the URL's last path segment.</summary>
    /// <exception cref="StagingFailure">The source has no such name.</exception>
    public string DefaultName
    {
        get
        {
            var name = Url is { } url
                ? Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/')[^1])
                : Path.GetFileName(Path.TrimEndingDirectorySeparator(LocalPath!));
            return name.Length > 0 && name != "." && name != ".."
                ? name
                : throw new StagingFailure("the source has no file name to stage it under; give a destination");
        }
    }
}
