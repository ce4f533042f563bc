using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Loom.ObjectStore;
using Loom.Serialization;

namespace Loom.Worker.Isolation;

/// <summary>
/// The node's side of one worker process: sends requests, matches replies to calls, and notices the
/// moment the process dies (its stdout closes), failing every call in flight with
/// <see cref="WorkerCrashedException"/>.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly Stream _input;
    private readonly ConcurrentDictionary<long, (string TaskName, TaskCompletionSource<WorkerReply> Reply)> _pending = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _stderrTail = new();
    private long _nextCall;
    private int _dead;
    private volatile bool _stopRequested;
    private string _exit = "it is still running";

    private WorkerProcess(Process process, int[] gpuIds)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        ProcessId = process.Id;
        GpuIds = gpuIds;
        GpuKey = WorkerLauncher.GpuKey(gpuIds);
    }

    public int ProcessId { get; }

    public int[] GpuIds { get; }

    public string GpuKey { get; }

    public bool IsAlive => Volatile.Read(ref _dead) == 0;

    /// <summary>Completes once the process is gone and every call in flight has failed.</summary>
    public Task Exited => _exited.Task;

    public static async Task<WorkerProcess> StartAsync(WorkerLauncher launcher, int[] gpuIds)
    {
        var info = launcher.StartInfo(gpuIds);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new LoomException($"Starting the worker process '{info.FileName}' returned no process.");
        }
        catch (Win32Exception exception)
        {
            throw new LoomException($"Cannot start the worker process '{info.FileName} {string.Join(' ', info.ArgumentList)}': {exception.Message}", exception);
        }

        var worker = new WorkerProcess(process, gpuIds);
        process.ErrorDataReceived += (_, line) => worker.OnStderr(line.Data);
        process.BeginErrorReadLine();
        _ = worker.ReadRepliesAsync();
        try
        {
            await worker._ready.Task.WaitAsync(StartupPatience).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            worker.Dispose();
            throw new LoomException($"The worker process {worker.ProcessId} ('{info.FileName}') did not answer within {StartupPatience}; is it a Loom worker?");
        }

        return worker;
    }

    /// <summary>Sends a request and waits for its reply; throws <see cref="WorkerCrashedException"/> if the process dies first.</summary>
    public async Task<WorkerReply> CallAsync(WorkerRequestKind kind, string taskName, MethodRef method, SerializedObject[] arguments)
    {
        var id = Interlocked.Increment(ref _nextCall);
        var reply = new TaskCompletionSource<WorkerReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (taskName, reply);
        if (!IsAlive && _pending.TryRemove(id, out _))
        {
            // The process is dying: report how it ended once that is known.
            await Exited.ConfigureAwait(false);
            throw Crashed(taskName);
        }

        var payload = WorkerProtocol.Encode(new WorkerRequest(id, kind, taskName, method, arguments));
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await WorkerProtocol.WriteFrameAsync(_input, payload, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The process is dying; the reader fails this call as soon as its output closes.
        }
        finally
        {
            _writeGate.Release();
        }

        return await reply.Task.ConfigureAwait(false);
    }

    /// <summary>Kills the process; calls in flight fail with "the node stopped it".</summary>
    public void Dispose()
    {
        _stopRequested = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    public override string ToString() => $"worker process {ProcessId} (CUDA_VISIBLE_DEVICES={GpuKey})";

    private async Task ReadRepliesAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (await WorkerProtocol.ReadFrameAsync(output, CancellationToken.None).ConfigureAwait(false) is { } frame)
            {
                var reply = WorkerProtocol.DecodeReply(frame);
                if (reply.CallId == 0)
                {
                    _ready.TrySetResult();
                }
                else if (_pending.TryRemove(reply.CallId, out var call))
                {
                    call.Reply.TrySetResult(reply);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidDataException or MessagePack.MessagePackSerializationException)
        {
            // Treated as the process dying: it is killed below.
        }

        Volatile.Write(ref _dead, 1);
        await WaitForExitAsync().ConfigureAwait(false);
        _exit = WorkerExit.Describe(_process, _stopRequested);
        _ready.TrySetException(Crashed("its startup"));
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var call))
            {
                call.Reply.TrySetException(Crashed(call.TaskName));
            }
        }

        _input.Dispose();
        _exited.TrySetResult();
    }

    private async Task WaitForExitAsync()
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Its output closed but it lives on: it cannot serve calls any more.
            Dispose();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private WorkerCrashedException Crashed(string taskName)
    {
        string tail;
        lock (_stderrTail)
        {
            tail = _stderrTail.Count == 0 ? string.Empty : $" Its last output: {string.Join(" | ", _stderrTail)}";
        }

        var message = $"The worker process {ProcessId} running '{taskName}' died: {_exit}.{tail}";
        return new WorkerCrashedException(new ErrorInfo(ErrorKind.WorkerCrashed, taskName, typeof(WorkerCrashedException).FullName!, message, null));
    }

    private void OnStderr(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_stderrTail)
        {
            _stderrTail.Enqueue(line.Length > 300 ? line[..300] : line);
            while (_stderrTail.Count > 5)
            {
                _stderrTail.Dequeue();
            }
        }
    }
}
