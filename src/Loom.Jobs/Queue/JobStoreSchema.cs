using Microsoft.Data.Sqlite;

namespace Loom.Jobs.Queue;

/// <summary>Creates and migrates the job database's tables; each migration raises the schema version by one.</summary>
internal static class JobStoreSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            user TEXT NOT NULL,
            priority INTEGER NOT NULL,
            gpus INTEGER NOT NULL,
            cpus INTEGER NOT NULL,
            memory_mb INTEGER NOT NULL,
            preemptible INTEGER NOT NULL,
            time_limit_ms INTEGER NULL,
            dependencies TEXT NOT NULL,
            array_parent_id INTEGER NULL,
            array_index INTEGER NULL,
            array_max_concurrent INTEGER NULL,
            retry_count INTEGER NOT NULL,
            max_retries INTEGER NOT NULL,
            state TEXT NOT NULL,
            gpu_ids TEXT NOT NULL,
            passed_over INTEGER NOT NULL,
            submitted_at INTEGER NOT NULL,
            started_at INTEGER NULL,
            ended_at INTEGER NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX jobs_state ON jobs(state);
        CREATE INDEX jobs_user ON jobs(user);
        CREATE TABLE transitions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id INTEGER NOT NULL REFERENCES jobs(id),
            time INTEGER NOT NULL,
            from_state TEXT NULL,
            to_state TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX transitions_job ON transitions(job_id);
        """,
        // What the job runs (the app as JSON) and the replica processes of its latest attempt, kept apart from
        // the jobs table so that the scheduler's frequent reads of queued jobs stay small.
        """
        CREATE TABLE job_payloads (
            job_id INTEGER PRIMARY KEY REFERENCES jobs(id),
            app TEXT NOT NULL,
            replicas TEXT NOT NULL DEFAULT '[]'
        );
        """,
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Creates the version table if needed and applies the migrations the database lacks, in one transaction.</summary>
    /// <param name="connection">An open connection.</param>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        var current = CurrentVersion(connection, transaction);
        if (current > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The job database has schema version {current}, newer than this Loom knows ({Migrations.Length}).");
        }

        for (var v = current; v < Migrations.Length; v++)
        {
            Execute(connection, transaction, Migrations[v]);
        }

        Execute(connection, transaction, "DELETE FROM schema_version;");
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO schema_version (version) VALUES ($v);";
        insert.Parameters.AddWithValue("$v", Migrations.Length);
        insert.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Reads the schema version (0 for a new database).</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="transaction">The transaction to read in, if any.</param>
    /// <returns>The version.</returns>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
