using Microsoft.Data.Sqlite;

namespace Loom.Jobs.Queue;

/// <summary>
/// The durable job queue: a SQLite database in WAL mode holding every job and every transition.
/// Each change of a job's state and its transition record are written in one transaction, so a
/// crash of the head at any moment loses no queued job.
/// </summary>
public sealed class JobStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private JobStore(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>Opens (creating and migrating as needed) the job database at a path.</summary>
    /// <param name="path">The database file, e.g. <c>$LOOM_HOME/jobs.db</c>.</param>
    /// <param name="time">The clock for submission and transition times.</param>
    /// <returns>The open store.</returns>
    public static JobStore Open(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
                pragma.ExecuteNonQuery();
            }

            JobStoreSchema.Migrate(connection);
            return new JobStore(connection, time);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The database's journal mode (<c>wal</c> once opened).</summary>
    public string JournalMode
    {
        get
        {
            lock (_gate)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                return (string)command.ExecuteScalar()!;
            }
        }
    }

    /// <summary>The database's schema version.</summary>
    public int SchemaVersion
    {
        get
        {
            lock (_gate)
            {
                return JobStoreSchema.CurrentVersion(_connection, null);
            }
        }
    }

    /// <summary>Submits a job, or all tasks of a job array, in one transaction; each starts <see cref="JobState.Queued"/>.</summary>
    /// <param name="request">The job.</param>
    /// <returns>The stored jobs: one, or one per array index in ascending order.</returns>
    public IReadOnlyList<JobRecord> Submit(JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Name);
        ArgumentException.ThrowIfNullOrEmpty(request.User);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Gpus);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Cpus);
        ArgumentOutOfRangeException.ThrowIfNegative(request.MemoryMb);
        ArgumentOutOfRangeException.ThrowIfNegative(request.MaxRetries);
        if (request.ArrayPayloads is { } payloads && (request.Array is null || payloads.Count != request.Array.Indexes.Count))
        {
            throw new ArgumentException("ArrayPayloads needs an Array with one index per payload.", nameof(request));
        }

        var now = JobRowCodec.ToMs(_time.GetUtcNow());
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var ids = new List<long>();
            if (request.Array is null)
            {
                var id = Insert(transaction, request, now, null, null);
                InsertPayload(transaction, id, request.Payload);
                ids.Add(id);
            }
            else
            {
                long? parent = null;
                var position = 0;
                foreach (var index in request.Array.Indexes)
                {
                    var id = Insert(transaction, request, now, parent, index);
                    if (parent is null)
                    {
                        parent = id;
                        SetArrayParent(transaction, id);
                    }

                    InsertPayload(transaction, id, request.ArrayPayloads?[position] ?? request.Payload);
                    ids.Add(id);
                    position++;
                }
            }

            foreach (var id in ids)
            {
                AddTransition(transaction, id, now, null, JobState.Queued, "Submitted");
            }

            transaction.Commit();
            return [.. ids.Select(id => GetLocked(id)!)];
        }
    }

    /// <summary>
    /// Moves a job to another state and records the transition, atomically. Starting a job (leaving Queued for
    /// Downloading or Running) records its start time and GPU ids; leaving the resource-holding states releases
    /// the GPU ids; ending or halting records the end time.
    /// </summary>
    /// <param name="id">The job.</param>
    /// <param name="to">The next state.</param>
    /// <param name="reason">Why.</param>
    /// <param name="gpuIds">The GPUs assigned when the job starts.</param>
    /// <returns>The job after the change.</returns>
    /// <exception cref="IllegalJobTransitionException">The transition is not legal.</exception>
    /// <exception cref="InvalidOperationException">An ended job is sent back to the queue (use <see cref="Retry"/>).</exception>
    /// <exception cref="KeyNotFoundException">No such job.</exception>
    public JobRecord Transition(long id, JobState to, string reason, IReadOnlyList<int>? gpuIds = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var job = GetLocked(id, transaction) ?? throw new KeyNotFoundException($"No job {id}.");
            if (to == JobState.Queued && JobStateMachine.IsEnded(job.State))
            {
                throw new InvalidOperationException($"Job {id} goes back to the queue only through Retry, which counts retries.");
            }

            ApplyTransition(transaction, job, to, reason, gpuIds, retry: false);
            transaction.Commit();
            return GetLocked(id)!;
        }
    }

    /// <summary>Sends a failed, timed-out or out-of-memory job back to the queue when its retry policy allows it.</summary>
    /// <param name="id">The job.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The queued job, or null when no retry is left (the job stays as it is).</returns>
    /// <exception cref="IllegalJobTransitionException">The job is not in a failed state.</exception>
    public JobRecord? Retry(long id, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var job = GetLocked(id, transaction) ?? throw new KeyNotFoundException($"No job {id}.");
            if (job.State is not (JobState.Failed or JobState.Timeout or JobState.OutOfMemory))
            {
                throw new IllegalJobTransitionException(id, job.State, JobState.Queued);
            }

            if (job.RetryCount >= job.MaxRetries)
            {
                return null;
            }

            ApplyTransition(transaction, job, JobState.Queued, reason, null, retry: true);
            transaction.Commit();
            return GetLocked(id)!;
        }
    }

    /// <summary>Resumes a halted job: HALTED → RESUMED → QUEUED, both recorded, in one transaction.</summary>
    /// <param name="id">The job.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The queued job.</returns>
    public JobRecord Resume(long id, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var job = GetLocked(id, transaction) ?? throw new KeyNotFoundException($"No job {id}.");
            ApplyTransition(transaction, job, JobState.Resumed, reason, null, retry: false);
            ApplyTransition(transaction, job with { State = JobState.Resumed }, JobState.Queued, reason, null, retry: false);
            transaction.Commit();
            return GetLocked(id)!;
        }
    }

    /// <summary>
    /// Records that a running job was halted to give its GPUs to a higher-priority job, and queues it again so that
    /// it resumes by itself when resources free up: HALTED → RESUMED → QUEUED, all in one transaction.
    /// </summary>
    /// <param name="id">The preempted job.</param>
    /// <param name="byJobId">The job that takes its GPUs.</param>
    /// <returns>The queued job.</returns>
    public JobRecord Preempted(long id, long byJobId) =>
        HaltAndRequeue(id, $"Preempted by job {byJobId.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "Resumes when resources free up");

    /// <summary>Counts one more pass-over for each job (a job behind it in the queue order started first).</summary>
    /// <param name="ids">The jobs passed over.</param>
    public void RecordPassedOver(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var id in ids)
            {
                using var command = Command(transaction, "UPDATE jobs SET passed_over = passed_over + 1 WHERE id = $id;");
                command.Parameters.AddWithValue("$id", id);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>What a job runs, as submitted (<see cref="JobRequest.Payload"/>).</summary>
    /// <param name="id">The job.</param>
    /// <returns>The payload, or empty when the job has none.</returns>
    public string Payload(long id) => ReadPayloadColumn(id, "app");

    /// <summary>The replica processes recorded for a job's latest attempt (as set by <see cref="SetReplicas"/>).</summary>
    /// <param name="id">The job.</param>
    /// <returns>The recorded text, <c>[]</c> when none.</returns>
    public string Replicas(long id)
    {
        var text = ReadPayloadColumn(id, "replicas");
        return text.Length == 0 ? "[]" : text;
    }

    /// <summary>Records the replica processes of a job's attempt, so that a restarted head can find them again.</summary>
    /// <param name="id">The job.</param>
    /// <param name="replicas">The replicas, as text (JSON).</param>
    public void SetReplicas(long id, string replicas)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        lock (_gate)
        {
            using var command = Command(null, """
                INSERT INTO job_payloads (job_id, app, replicas) VALUES ($id, '', $replicas)
                ON CONFLICT(job_id) DO UPDATE SET replicas = $replicas;
                """);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$replicas", replicas);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Halts a job that held resources and queues it again at once (HALTED → RESUMED → QUEUED in one transaction),
    /// as when the head stops with the job running: it starts again when the head and resources are back.
    /// </summary>
    /// <param name="id">The job.</param>
    /// <param name="haltedReason">Why it was halted.</param>
    /// <param name="resumedReason">Why it is queued again.</param>
    /// <returns>The queued job.</returns>
    public JobRecord HaltAndRequeue(long id, string haltedReason, string resumedReason)
    {
        ArgumentNullException.ThrowIfNull(haltedReason);
        ArgumentNullException.ThrowIfNull(resumedReason);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var job = GetLocked(id, transaction) ?? throw new KeyNotFoundException($"No job {id}.");
            ApplyTransition(transaction, job, JobState.Halted, haltedReason, null, retry: false);
            ApplyTransition(transaction, job with { State = JobState.Halted }, JobState.Resumed, resumedReason, null, retry: false);
            ApplyTransition(transaction, job with { State = JobState.Resumed }, JobState.Queued, resumedReason, null, retry: false);
            transaction.Commit();
            return GetLocked(id)!;
        }
    }

    /// <summary>Every job, by id.</summary>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<JobRecord> All() => Query($"SELECT {JobRowCodec.Columns} FROM jobs ORDER BY id;", _ => { });

    /// <summary>The tasks of a job array, by index.</summary>
    /// <param name="parentId">The array's first task.</param>
    /// <returns>The tasks.</returns>
    public IReadOnlyList<JobRecord> ArrayTasks(long parentId) =>
        Query($"SELECT {JobRowCodec.Columns} FROM jobs WHERE array_parent_id = $p ORDER BY array_index;", c => c.Parameters.AddWithValue("$p", parentId));

    /// <summary>One job.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The job, or null when there is none with that id.</returns>
    public JobRecord? Get(long id)
    {
        lock (_gate)
        {
            return GetLocked(id);
        }
    }

    /// <summary>The jobs in any of the given states, by id.</summary>
    /// <param name="states">The states.</param>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<JobRecord> ByState(params JobState[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var names = states.Select(s => s.ToString()).ToArray();
        var placeholders = string.Join(',', names.Select((_, i) => "$s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Query($"SELECT {JobRowCodec.Columns} FROM jobs WHERE state IN ({placeholders}) ORDER BY id;", c =>
        {
            for (var i = 0; i < names.Length; i++)
            {
                c.Parameters.AddWithValue("$s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), names[i]);
            }
        });
    }

    /// <summary>
    /// The queued jobs that could start now as far as array caps go: every queued job that is not an array task,
    /// and of each capped array only its first queued tasks by index, as many as its cap. The scheduler reads
    /// these instead of every queued job, so a 10,000-line batch run 8 at a time costs it 8 rows, not 10,000.
    /// </summary>
    /// <returns>The jobs, by id.</returns>
    public IReadOnlyList<JobRecord> QueuedCandidates() => Query($"""
        SELECT {JobRowCodec.Columns} FROM (
            SELECT *, ROW_NUMBER() OVER (PARTITION BY array_parent_id ORDER BY array_index) AS position
            FROM jobs WHERE state = 'Queued')
        WHERE array_parent_id IS NULL OR array_max_concurrent IS NULL OR position <= array_max_concurrent
        ORDER BY id;
        """, _ => { });

    /// <summary>All jobs of a user, by id.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The jobs.</returns>
    public IReadOnlyList<JobRecord> ByUser(string user) =>
        Query($"SELECT {JobRowCodec.Columns} FROM jobs WHERE user = $u ORDER BY id;", c => c.Parameters.AddWithValue("$u", user));

    /// <summary>
    /// The jobs that have not ended — queued, starting, running, storing, halted or resumed — for a head that
    /// starts (again) to pick up.
    /// </summary>
    /// <returns>The jobs, by id.</returns>
    public IReadOnlyList<JobRecord> LoadUnfinished() =>
        ByState(JobState.Queued, JobState.Downloading, JobState.Running, JobState.Storing, JobState.Halted, JobState.Resumed);

    /// <summary>The recorded transitions of a job, oldest first.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The transitions.</returns>
    public IReadOnlyList<JobTransition> History(long id)
    {
        lock (_gate)
        {
            using var command = Command(null, "SELECT job_id, time, from_state, to_state, reason FROM transitions WHERE job_id = $id ORDER BY seq;");
            command.Parameters.AddWithValue("$id", id);
            using var r = command.ExecuteReader();
            var list = new List<JobTransition>();
            while (r.Read())
            {
                list.Add(new JobTransition(
                    r.GetInt64(0),
                    JobRowCodec.FromMs(r.GetInt64(1)),
                    r.IsDBNull(2) ? null : Enum.Parse<JobState>(r.GetString(2)),
                    Enum.Parse<JobState>(r.GetString(3)),
                    r.GetString(4)));
            }

            return list;
        }
    }

    /// <summary>The latest start time of each user's jobs, for fair share.</summary>
    /// <returns>User → latest start.</returns>
    public IReadOnlyDictionary<string, DateTimeOffset> LastStartByUser()
    {
        lock (_gate)
        {
            using var command = Command(null, "SELECT user, MAX(started_at) FROM jobs WHERE started_at IS NOT NULL GROUP BY user;");
            using var r = command.ExecuteReader();
            var map = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            while (r.Read())
            {
                map[r.GetString(0)] = JobRowCodec.FromMs(r.GetInt64(1));
            }

            return map;
        }
    }

    /// <summary>The given jobs (missing ids are left out), e.g. to judge dependencies.</summary>
    /// <param name="ids">The jobs.</param>
    /// <returns>Id → job.</returns>
    public IReadOnlyDictionary<long, JobRecord> Find(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var map = new Dictionary<long, JobRecord>();
        lock (_gate)
        {
            foreach (var id in ids.Distinct())
            {
                if (GetLocked(id) is { } job)
                {
                    map[id] = job;
                }
            }
        }

        return map;
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private void ApplyTransition(
        SqliteTransaction transaction, JobRecord job, JobState to, string reason, IReadOnlyList<int>? gpuIds, bool retry)
    {
        JobStateMachine.EnsureCanTransition(job.Id, job.State, to);
        var now = JobRowCodec.ToMs(_time.GetUtcNow());
        var starting = job.State == JobState.Queued && JobStateMachine.HoldsResources(to);
        var releasing = !JobStateMachine.HoldsResources(to);
        var ending = JobStateMachine.IsEnded(to) || to == JobState.Halted;
        var sql = "UPDATE jobs SET state = $to, reason = $reason" +
            (starting ? ", started_at = $now, ended_at = NULL, gpu_ids = $gpus, passed_over = 0" : "") +
            (releasing ? ", gpu_ids = ''" : "") +
            (ending ? ", ended_at = $now" : "") +
            (retry ? ", retry_count = retry_count + 1" : "") +
            " WHERE id = $id;";
        using (var command = Command(transaction, sql))
        {
            command.Parameters.AddWithValue("$to", to.ToString());
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$gpus", JobRowCodec.EncodeInts(gpuIds ?? []));
            command.Parameters.AddWithValue("$id", job.Id);
            command.ExecuteNonQuery();
        }

        AddTransition(transaction, job.Id, now, job.State, to, reason);
    }

    private long Insert(SqliteTransaction transaction, JobRequest q, long now, long? parent, int? index)
    {
        using var command = Command(transaction, $"""
            INSERT INTO jobs ({JobRowCodec.Columns[4..]})
            VALUES ($name, $user, $priority, $gpus, $cpus, $mem, $pre, $limit, $deps, $parent, $index, $cap, 0, $maxRetries,
                    'Queued', '', 0, $now, NULL, NULL, 'Submitted');
            SELECT last_insert_rowid();
            """);
        var p = command.Parameters;
        p.AddWithValue("$name", q.Name);
        p.AddWithValue("$user", q.User);
        p.AddWithValue("$priority", q.Priority);
        p.AddWithValue("$gpus", q.Gpus);
        p.AddWithValue("$cpus", q.Cpus);
        p.AddWithValue("$mem", q.MemoryMb);
        p.AddWithValue("$pre", q.Preemptible ? 1 : 0);
        p.AddWithValue("$limit", q.TimeLimit is { } limit ? (long)limit.TotalMilliseconds : DBNull.Value);
        p.AddWithValue("$deps", JobRowCodec.EncodeDependencies(q.Dependencies));
        p.AddWithValue("$parent", parent is { } pid ? pid : DBNull.Value);
        p.AddWithValue("$index", index is { } i ? i : DBNull.Value);
        p.AddWithValue("$cap", q.Array?.MaxConcurrent is { } cap ? cap : DBNull.Value);
        p.AddWithValue("$maxRetries", q.MaxRetries);
        p.AddWithValue("$now", now);
        return (long)command.ExecuteScalar()!;
    }

    private void InsertPayload(SqliteTransaction transaction, long id, string payload)
    {
        using var command = Command(transaction, "INSERT INTO job_payloads (job_id, app) VALUES ($id, $app);");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$app", payload);
        command.ExecuteNonQuery();
    }

    private string ReadPayloadColumn(long id, string column)
    {
        lock (_gate)
        {
            using var command = Command(null, $"SELECT {column} FROM job_payloads WHERE job_id = $id;");
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteScalar() as string ?? "";
        }
    }

    private void SetArrayParent(SqliteTransaction transaction, long id)
    {
        using var command = Command(transaction, "UPDATE jobs SET array_parent_id = $id WHERE id = $id;");
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    private void AddTransition(SqliteTransaction transaction, long id, long now, JobState? from, JobState to, string reason)
    {
        using var command = Command(transaction,
            "INSERT INTO transitions (job_id, time, from_state, to_state, reason) VALUES ($id, $time, $from, $to, $reason);");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$time", now);
        command.Parameters.AddWithValue("$from", from is { } f ? f.ToString() : DBNull.Value);
        command.Parameters.AddWithValue("$to", to.ToString());
        command.Parameters.AddWithValue("$reason", reason);
        command.ExecuteNonQuery();
    }

    private JobRecord? GetLocked(long id, SqliteTransaction? transaction = null)
    {
        using var command = Command(transaction, $"SELECT {JobRowCodec.Columns} FROM jobs WHERE id = $id;");
        command.Parameters.AddWithValue("$id", id);
        using var r = command.ExecuteReader();
        return r.Read() ? JobRowCodec.Read(r) : null;
    }

    private List<JobRecord> Query(string sql, Action<SqliteCommand> bind)
    {
        lock (_gate)
        {
            using var command = Command(null, sql);
            bind(command);
            using var r = command.ExecuteReader();
            var list = new List<JobRecord>();
            while (r.Read())
            {
                list.Add(JobRowCodec.Read(r));
            }

            return list;
        }
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
