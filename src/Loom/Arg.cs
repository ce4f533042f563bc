namespace Loom;

/// <summary>
/// A task argument: either a value (copied into the task) or an <see cref="ObjectRef{T}"/> (resolved
/// to its value before the task runs). Both convert implicitly, so calls read naturally:
/// <c>loom.Task(Add).Remote(someRef, 4)</c>.
/// </summary>
/// <typeparam name="T">The parameter type.</typeparam>
public readonly struct Arg<T>
{
    private Arg(T? value, ObjectRef<T>? reference)
    {
        Value = value;
        Reference = reference;
    }

    internal T? Value { get; }

    internal ObjectRef<T>? Reference { get; }

    /// <summary>Passes a value.</summary>
    public static implicit operator Arg<T>(T value) => new(value, null);

    /// <summary>Passes an object by reference; the task receives its value.</summary>
    public static implicit operator Arg<T>(ObjectRef<T> reference) =>
        new(default, reference ?? throw new ArgumentNullException(nameof(reference)));

    /// <summary>Passes a value (the named alternative to the implicit conversion).</summary>
    public static Arg<T> FromValue(T value) => value;

    /// <summary>Passes an object by reference (the named alternative to the implicit conversion).</summary>
    public static Arg<T> FromRef(ObjectRef<T> reference) => reference;
}
