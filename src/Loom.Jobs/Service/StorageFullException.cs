namespace Loom.Jobs.Service;

/// <summary>
/// The head could not write to its state folder because the file system is full (or over quota). The API answers
/// such a request with 507 Insufficient Storage and names <see cref="Path"/>, so that the user knows what to free.
/// </summary>
public sealed class StorageFullException : IOException
{
    /// <summary>Creates the exception.</summary>
    public StorageFullException()
    {
        Path = "";
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be written and how to make room.</param>
    public StorageFullException(string message)
        : base(message)
    {
        Path = "";
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be written and how to make room.</param>
    /// <param name="innerException">The cause.</param>
    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
    }

    /// <summary>Creates the exception for a path on a full file system.</summary>
    /// <param name="path">The file or folder that could not be written.</param>
    /// <param name="message">What could not be written and how to make room.</param>
    /// <param name="innerException">The cause.</param>
    public StorageFullException(string path, string message, Exception? innerException)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The file or folder that could not be written.</summary>
    public string Path { get; }
}
