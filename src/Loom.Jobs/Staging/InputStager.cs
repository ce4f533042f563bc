using Loom.Jobs.Specs;

namespace Loom.Jobs.Staging;

/// <summary>
/// Stages a job's inputs (the DOWNLOADING step): copies local files and folders and downloads http(s)
/// URLs into a staging folder, checks checksums, and links the staged entries into replicas' working directories.
/// </summary>
public static class InputStager
{
    /// <summary>
    /// Stages each input into <c>stagingDirectory/&lt;Destination or the source's file name&gt;</c>, in order,
    /// stopping at the first failure. A staged entry appears under its final name only once it is complete
    /// (and its checksum matched), replacing what was there.
    /// </summary>
    /// <param name="inputs">The inputs, as in the spec.</param>
    /// <param name="stagingDirectory">The staging folder; created when missing.</param>
    /// <param name="baseDirectory">The folder relative local sources are taken from (the spec file's folder or the submitter's working directory); the current directory when null.</param>
    /// <param name="http">The client URLs are downloaded with.</param>
    /// <param name="cancellationToken">Stops staging; what is half-written is removed.</param>
    /// <returns>A task that ends when every input is staged.</returns>
    /// <exception cref="InputStagingException">An input could not be staged; its message names the input and says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task StageAsync(
        IReadOnlyList<InputSpec> inputs, string stagingDirectory, string? baseDirectory, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrEmpty(stagingDirectory);
        ArgumentNullException.ThrowIfNull(http);
        Directory.CreateDirectory(stagingDirectory);
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i] ?? throw new ArgumentException($"input {i} is null", nameof(inputs));
            try
            {
                var source = InputSource.Parse(input.Source, baseDirectory);
                var target = StagingTarget.Resolve(stagingDirectory, input.Destination ?? source.DefaultName);
                if (!taken.TryAdd(target, i))
                {
                    throw new StagingFailure($"input {taken[target]} is already staged at {target}; give one of them another destination");
                }

                await StageOneAsync(source, input.Checksum, target, http, cancellationToken);
            }
            catch (StagingFailure e)
            {
                throw new InputStagingException(i, input.Source, e.Message, e.InnerException);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException)
            {
                throw new InputStagingException(i, input.Source, $"could not stage it: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// Makes each top-level entry of the staging folder visible in a replica's working directory through a
    /// symbolic link to it. Names already present in the working directory are left alone.
    /// </summary>
    /// <param name="stagingDirectory">The staging folder <see cref="StageAsync"/> filled.</param>
    /// <param name="workingDirectory">The replica's working directory; created when missing.</param>
    /// <returns>The links created, in name order.</returns>
    /// <exception cref="DirectoryNotFoundException">The staging folder does not exist.</exception>
    public static IReadOnlyList<string> LinkInto(string stagingDirectory, string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(stagingDirectory);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        var staging = new DirectoryInfo(Path.GetFullPath(stagingDirectory));
        if (!staging.Exists)
        {
            throw new DirectoryNotFoundException($"the staging folder {staging.FullName} does not exist");
        }

        Directory.CreateDirectory(workingDirectory);
        var created = new List<string>();
        foreach (var entry in staging.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var link = Path.Combine(workingDirectory, entry.Name);
            if (entry.Name.Contains(SafeCopy.PartialMarker, StringComparison.Ordinal) || Path.Exists(link) || new FileInfo(link).LinkTarget is not null)
            {
                continue;
            }

            _ = entry is DirectoryInfo
                ? Directory.CreateSymbolicLink(link, entry.FullName)
                : File.CreateSymbolicLink(link, entry.FullName);
            created.Add(link);
        }

        return created;
    }

    private static async Task StageOneAsync(InputSource source, string? checksumText, string target, HttpClient http, CancellationToken cancellationToken)
    {
        var checksum = checksumText is null ? null : ExpectedChecksum.Parse(checksumText);
        if (source.Url is { } url)
        {
            await SafeCopy.PlaceAsync(target, async partial =>
            {
                await HttpDownload.ToFileAsync(http, url, partial, cancellationToken);
                await VerifyAsync(checksum, partial, cancellationToken);
            });
            return;
        }

        var path = source.LocalPath!;
        if (Directory.Exists(path))
        {
            if (checksum is not null)
            {
                throw new StagingFailure("checksums apply to files, and this is a folder; remove the checksum");
            }

            SafeCopy.Copy(path, target, cancellationToken);
        }
        else if (File.Exists(path))
        {
            await SafeCopy.PlaceAsync(target, async partial =>
            {
                SafeCopy.CopyEntry(path, partial, cancellationToken);
                await VerifyAsync(checksum, partial, cancellationToken);
            });
        }
        else
        {
            throw new StagingFailure("no such file or folder");
        }
    }

    private static Task VerifyAsync(ExpectedChecksum? checksum, string path, CancellationToken cancellationToken) =>
        checksum is null ? Task.CompletedTask : checksum.VerifyAsync(path, cancellationToken);
}
