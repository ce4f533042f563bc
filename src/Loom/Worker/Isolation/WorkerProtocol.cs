using System.Buffers;
using System.Buffers.Binary;
using Loom.ObjectStore;
using Loom.Serialization;
using MessagePack;

namespace Loom.Worker.Isolation;

/// <summary>
/// The frames between a node and a worker process over the child's stdin and stdout: a 4-byte
/// little-endian length, then one MessagePack array (a request, or a reply). Values cross as the
/// bytes of their <see cref="SerializedObject"/>, untouched.
/// </summary>
internal static class WorkerProtocol
{
    private const int MaxFrame = int.MaxValue - 64;

    public static byte[] Encode(WorkerRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(7);
        writer.Write(request.CallId);
        writer.Write((int)request.Kind);
        writer.Write(request.TaskName);
        writer.Write(request.Method.AssemblyPath);
        writer.Write(request.Method.Token);
        writer.Write(request.Method.DisplayName);
        writer.WriteArrayHeader(request.Arguments.Length);
        foreach (var argument in request.Arguments)
        {
            WriteValue(ref writer, argument);
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static WorkerRequest DecodeRequest(ReadOnlyMemory<byte> frame)
    {
        var reader = new MessagePackReader(frame);
        reader.ReadArrayHeader();
        var callId = reader.ReadInt64();
        var kind = (WorkerRequestKind)reader.ReadInt32();
        var taskName = reader.ReadString()!;
        var method = new MethodRef(reader.ReadString()!, reader.ReadInt32(), reader.ReadString()!);
        var arguments = new SerializedObject[reader.ReadArrayHeader()];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = ReadValue(ref reader);
        }

        return new WorkerRequest(callId, kind, taskName, method, arguments);
    }

    public static byte[] Encode(WorkerReply reply)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write(reply.CallId);
        if (reply.Value is { } value)
        {
            WriteValue(ref writer, value);
        }
        else
        {
            writer.WriteNil();
        }

        WriteError(ref writer, reply.Error);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static WorkerReply DecodeReply(ReadOnlyMemory<byte> frame)
    {
        var reader = new MessagePackReader(frame);
        reader.ReadArrayHeader();
        var callId = reader.ReadInt64();
        var value = reader.TryReadNil() ? null : ReadValue(ref reader);
        return new WorkerReply(callId, value, ReadError(ref reader));
    }

    public static async ValueTask WriteFrameAsync(Stream stream, byte[] payload, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one frame; null when the stream ended (the other side closed it or died).</summary>
    public static async ValueTask<byte[]?> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var read = await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > MaxFrame)
        {
            throw new InvalidDataException($"A worker frame announced {length} bytes; the stream is not a Loom worker channel.");
        }

        var payload = new byte[length];
        read = await stream.ReadAtLeastAsync(payload, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read < length ? null : payload;
    }

    private static void WriteValue(ref MessagePackWriter writer, SerializedObject value)
    {
        writer.WriteArrayHeader(2);
        writer.Write((int)value.Format);
        writer.Write(value.Span);
    }

    private static SerializedObject ReadValue(ref MessagePackReader reader)
    {
        reader.ReadArrayHeader();
        var format = (SerializedFormat)reader.ReadInt32();
        var bytes = reader.ReadBytes() is { } sequence ? sequence.ToArray() : [];
        return new SerializedObject(bytes, format, []);
    }

    private static void WriteError(ref MessagePackWriter writer, ErrorInfo? error)
    {
        if (error is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(6);
        writer.Write((int)error.Kind);
        writer.Write(error.TaskName);
        writer.Write(error.ExceptionType);
        writer.Write(error.Message);
        writer.Write(error.StackTrace);
        WriteError(ref writer, error.Cause);
    }

    private static ErrorInfo? ReadError(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        reader.ReadArrayHeader();
        var kind = (ErrorKind)reader.ReadInt32();
        var taskName = reader.ReadString()!;
        var type = reader.ReadString()!;
        var message = reader.ReadString()!;
        var stack = reader.ReadString();
        return new ErrorInfo(kind, taskName, type, message, stack, ReadError(ref reader));
    }
}
