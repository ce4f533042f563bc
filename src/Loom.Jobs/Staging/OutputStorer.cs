using System.Globalization;
using Loom.Jobs.Specs;

namespace Loom.Jobs.Staging;

/// <summary>Stores a job's outputs (the STORING step): copies what the replicas wrote to the results folder or each output's destination.</summary>
public static class OutputStorer
{
    /// <summary>
    /// Copies each output from every replica's working directory where it exists, to
    /// <c>(Destination ?? resultsDirectory)/&lt;path&gt;</c> when there is a single replica, or to
    /// <c>(Destination ?? resultsDirectory)/&lt;role&gt;/&lt;replicaId&gt;/&lt;path&gt;</c> when there are several.
    /// A copy appears under its final name only once complete, replacing what was there. Symbolic links
    /// inside a copied folder are copied as links.
    /// </summary>
    /// <param name="outputs">The outputs, as in the spec: paths relative to a working directory, files or folders, a trailing <c>/</c> allowed.</param>
    /// <param name="replicas">Every replica of the app: its role, its id within the role, and its working directory.</param>
    /// <param name="resultsDirectory">The job's results folder, for outputs without a destination.</param>
    /// <returns>One entry per output, in order; an output no replica wrote is reported there, not thrown.</returns>
    /// <exception cref="OutputStoringException">An output could not be copied, or its path or destination is not usable.</exception>
    public static IReadOnlyList<StoredOutput> Store(
        IReadOnlyList<OutputSpec> outputs, IReadOnlyList<(string Role, int ReplicaId, string Directory)> replicas, string resultsDirectory)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(replicas);
        ArgumentException.ThrowIfNullOrEmpty(resultsDirectory);
        var stored = new List<StoredOutput>(outputs.Count);
        foreach (var output in outputs)
        {
            ArgumentNullException.ThrowIfNull(output, nameof(outputs));
            stored.Add(StoreOne(output, replicas, resultsDirectory));
        }

        return stored;
    }

    private static StoredOutput StoreOne(OutputSpec output, IReadOnlyList<(string Role, int ReplicaId, string Directory)> replicas, string resultsDirectory)
    {
        var root = output.Destination ?? resultsDirectory;
        if (output.Destination is { } destination && !Path.IsPathFullyQualified(destination))
        {
            throw new OutputStoringException(output.Path, destination, $"destination \"{destination}\" is relative; give an absolute folder");
        }

        var relative = RelativePath(output.Path, root);
        var storedAt = new List<string>();
        foreach (var (role, replicaId, directory) in replicas)
        {
            var source = Path.Combine(directory, relative);
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                continue;
            }

            var target = replicas.Count == 1
                ? Path.Combine(root, relative)
                : Path.Combine(root, FolderName(role, output.Path, root), replicaId.ToString(CultureInfo.InvariantCulture), relative);
            try
            {
                SafeCopy.Copy(source, target, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputStoringException(output.Path, target, $"could not copy it to {target}: {e.Message}", e);
            }

            storedAt.Add(Path.GetFullPath(target));
        }

        return new StoredOutput(output.Path, storedAt, storedAt.Count == 0 ? $"no replica wrote {output.Path}" : null);
    }

    private static string RelativePath(string path, string root)
    {
        var segments = (path ?? "").Split('/', '\\').Where(s => s.Length > 0 && s != ".").ToArray();
        if (Path.IsPathRooted(path) || segments.Contains(".."))
        {
            throw new OutputStoringException(path ?? "", root, "the path is not inside the working directory; use a relative path without \"..\"");
        }

        return segments.Length > 0
            ? Path.Combine(segments)
            : throw new OutputStoringException(path ?? "", root, "the path names the whole working directory; name a file or folder in it");
    }

    private static string FolderName(string role, string output, string root) =>
        string.IsNullOrEmpty(role) || role is "." or ".." || role.IndexOfAny(['/', '\\']) >= 0
            ? throw new OutputStoringException(output, root, $"role name \"{role}\" cannot be a folder name")
            : role;
}
