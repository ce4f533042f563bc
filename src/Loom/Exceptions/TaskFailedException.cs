using System.Text;
using Loom.ObjectStore;

namespace Loom;

/// <summary>
/// A task or actor method failed. Carries the task's name and the remote exception's type, message
/// and stack trace; when the task failed because one of its arguments failed, that cause is the
/// <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class TaskFailedException : LoomException
{
    internal TaskFailedException(ErrorInfo error)
        : base(error)
    {
    }

    /// <summary>The name of the task or actor method that failed.</summary>
    public string TaskName => Error!.TaskName;

    /// <summary>The full type name of the exception thrown where the task ran.</summary>
    public string RemoteExceptionType => Error!.ExceptionType;

    /// <summary>The message of the exception thrown where the task ran.</summary>
    public string RemoteMessage => Error!.Message;

    /// <summary>The stack trace of the exception where the task ran, when there was one.</summary>
    public string? RemoteStackTrace => Error!.StackTrace;

    /// <summary>True when the task never ran because an argument failed; the cause is the inner exception.</summary>
    public bool IsArgumentFailure => Error!.Kind == ErrorKind.ArgumentFailed;

    /// <summary>How many times the task ran before it failed for good (1 when it was not retried).</summary>
    public int Attempts => Error!.Attempts;

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var text = new StringBuilder();
            text.Append("Task '").Append(TaskName).Append("' failed");
            if (Attempts > 1)
            {
                text.Append(" after ").Append(Attempts).Append(" attempts");
            }

            text.Append(": ").Append(RemoteExceptionType).Append(": ").Append(RemoteMessage);
            if (!string.IsNullOrEmpty(RemoteStackTrace))
            {
                text.AppendLine().Append("--- remote stack trace ---").AppendLine().Append(RemoteStackTrace);
            }

            return text.ToString();
        }
    }
}
