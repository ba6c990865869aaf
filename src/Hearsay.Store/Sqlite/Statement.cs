using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hearsay.Store.Sqlite;

/// <summary>
/// A statement prepared once on a connection and run many times through SQLite's C API (SQLitePCL.raw, which
/// Microsoft.Data.Sqlite itself is built on), for the writer's per-row inserts. Per execution,
/// <see cref="SqliteCommand"/> binds every parameter through boxed values and checks the command again; at ingest
/// rates that cost more than SQLite's own work (measured: the query rows of an article took 2.7 times as long).
/// Here a value is bound as it is, text from one reused UTF-8 buffer (SQLite copies it), and nothing is allocated
/// per row. The statement runs in whatever transaction its connection has open; errors surface as
/// <see cref="SqliteException"/>, as they do through the ADO.NET layer.
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private byte[] _utf8 = new byte[1024];

    public Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        int rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based, in the order of the SQL's parameters).</summary>
    public Statement Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

    public Statement Bind(int index, bool value) => Bind(index, value ? 1L : 0L);

    /// <summary>Binds text, or NULL for null.</summary>
    public Statement Bind(int index, string? value)
    {
        if (value is null) return Null(index);
        int most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < most) _utf8 = new byte[Math.Max(most, 2 * _utf8.Length)];
        int length = Encoding.UTF8.GetBytes(value, _utf8);
        return Check(raw.sqlite3_bind_text(_stmt, index, _utf8.AsSpan(0, length)));
    }

    public Statement Bind(int index, ReadOnlySpan<byte> blob) => Check(raw.sqlite3_bind_blob(_stmt, index, blob));

    /// <summary>Binds a blob, or NULL for null.</summary>
    public Statement Bind(int index, byte[]? blob) => blob is null ? Null(index) : Bind(index, blob.AsSpan());

    /// <summary>Binds text given as UTF-8 bytes.</summary>
    public Statement BindUtf8(int index, ReadOnlySpan<byte> text) => Check(raw.sqlite3_bind_text(_stmt, index, text));

    public Statement Null(int index) => Check(raw.sqlite3_bind_null(_stmt, index));

    /// <summary>Runs the statement to its end and makes it ready for the next run. Returns the first column of
    /// the first row it produced (a SELECT, or INSERT … RETURNING), or null when it produced none.</summary>
    public long? Run()
    {
        try
        {
            int rc = raw.sqlite3_step(_stmt);
            long? first = null;
            if (rc == raw.SQLITE_ROW)
            {
                first = raw.sqlite3_column_int64(_stmt, 0);
                while (rc == raw.SQLITE_ROW) rc = raw.sqlite3_step(_stmt);
            }
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return first;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs an INSERT and returns the rowid of the row it inserted.</summary>
    public long Insert()
    {
        Run();
        return raw.sqlite3_last_insert_rowid(_db);
    }

    /// <summary>Steps to the next row of a query; false at its end. Read the row with <see cref="Int64"/> and
    /// <see cref="Text"/>, and call <see cref="Reset"/> when done.</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public string? Text(int column) =>
        raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_stmt, column).utf8_to_string();

    public void Reset()
    {
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
    }

    private Statement Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        return this;
    }

    public void Dispose() => _stmt.Dispose();
}
