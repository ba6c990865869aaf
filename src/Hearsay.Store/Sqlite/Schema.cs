using Microsoft.Data.Sqlite;

namespace Hearsay.Store.Sqlite;

/// <summary>
/// The store's tables, versioned. <c>PRAGMA user_version</c> holds the schema version and
/// <c>PRAGMA application_id</c> marks the file as a Hearsay store. <see cref="Migrations"/>[i] takes a store
/// from version i to i + 1, each in its own transaction; a store is migrated when it is opened. To change the
/// schema, append a migration: never edit one that has shipped.
/// </summary>
internal static class Schema
{
    /// <summary>"HRSY".</summary>
    public const int ApplicationId = 0x48525359;

    public static int Version => Migrations.Length;

    private static readonly string[] Migrations =
    [
        // 1: articles with their analysis, the query tables, full-text passages, problems, runs.
        """
        CREATE TABLE meta(
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Running totals, updated in the same transaction as the rows they count, so queries need no count(*).
        CREATE TABLE totals(
          name  TEXT PRIMARY KEY,
          value INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE runs(
          id               INTEGER PRIMARY KEY,
          started          TEXT NOT NULL,
          finished         TEXT,
          command          TEXT NOT NULL,
          hearsay_version  TEXT NOT NULL,
          pipeline_version TEXT NOT NULL,
          status           TEXT NOT NULL,        -- running, done, partial, interrupted, failed
          added            INTEGER NOT NULL DEFAULT 0,
          replaced         INTEGER NOT NULL DEFAULT 0,
          unchanged        INTEGER NOT NULL DEFAULT 0,
          failed           INTEGER NOT NULL DEFAULT 0,
          warnings         INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE articles(
          id               INTEGER PRIMARY KEY,
          key              BLOB NOT NULL UNIQUE,  -- SHA-256 of the URL (if any) and the analysed bytes
          url              TEXT,
          title            TEXT,
          outlet           TEXT,
          published        TEXT,                  -- ISO 8601
          language         TEXT NOT NULL,
          origin           TEXT NOT NULL,         -- input file and place in it
          chars            INTEGER NOT NULL,
          attributions     INTEGER NOT NULL,
          claims           INTEGER NOT NULL,
          pipeline_version TEXT NOT NULL,
          run_id           INTEGER NOT NULL,
          stored           TEXT NOT NULL,
          shares           TEXT NOT NULL,         -- the article's part of the running counts (JSON), to take it out again
          analysis         BLOB NOT NULL          -- hearsay.article/1 JSON, see AnalysisCodec
        );
        CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
        CREATE INDEX articles_pipeline ON articles(pipeline_version);

        -- Sources (role 0), media (1) and relays (2) across the store, with running counts.
        CREATE TABLE names(
          id          INTEGER PRIMARY KEY,
          role        INTEGER NOT NULL,
          kind        TEXT NOT NULL,
          name        TEXT NOT NULL,             -- the first spelling stored
          norm        TEXT NOT NULL,             -- case-folded: the grouping key
          state_media INTEGER NOT NULL DEFAULT 0,
          statements  INTEGER NOT NULL DEFAULT 0,
          articles    INTEGER NOT NULL DEFAULT 0,
          UNIQUE(role, kind, norm)
        );
        CREATE INDEX names_rank ON names(role, statements DESC);

        -- A source cited through a medium or relay.
        CREATE TABLE name_links(
          source_id  INTEGER NOT NULL,
          channel_id INTEGER NOT NULL,
          statements INTEGER NOT NULL,
          PRIMARY KEY(source_id, channel_id)
        ) WITHOUT ROWID;

        CREATE TABLE attributions(
          article_id INTEGER NOT NULL,
          ord        INTEGER NOT NULL,             -- the "a" id in the JSON
          kind       TEXT NOT NULL,
          source_id  INTEGER,
          medium_id  INTEGER,
          cue        TEXT NOT NULL,
          PRIMARY KEY(article_id, ord)
        ) WITHOUT ROWID;

        CREATE TABLE claims(
          article_id          INTEGER NOT NULL,
          ord                 INTEGER NOT NULL,    -- the "c" id in the JSON
          attribution         INTEGER,             -- the "a" id, or null for the author's own assertion
          origin              TEXT NOT NULL,
          first_hand          INTEGER NOT NULL,
          independent_sources INTEGER NOT NULL,
          hedged_by_author    INTEGER NOT NULL,
          state_media_origin  INTEGER NOT NULL,
          chain               TEXT NOT NULL,
          PRIMARY KEY(article_id, ord)
        ) WITHOUT ROWID;

        -- Claims and quotations for full-text search. rowid = article id * 4096 + passage number, so an
        -- article's passages are one rowid range.
        CREATE VIRTUAL TABLE passages USING fts5(
          text,
          kind UNINDEXED,
          source UNINDEXED,
          ref UNINDEXED,
          tokenize = 'unicode61 remove_diacritics 2'
        );

        CREATE TABLE problems(
          id       INTEGER PRIMARY KEY,
          run_id   INTEGER NOT NULL,
          input    TEXT NOT NULL,
          locator  TEXT NOT NULL,
          severity TEXT NOT NULL,                  -- error, warning
          kind     TEXT NOT NULL,
          message  TEXT NOT NULL,
          UNIQUE(input, locator, severity)
        );
        CREATE INDEX problems_run ON problems(run_id);
        """,
    ];

    /// <summary>Brings the store to <see cref="Version"/>.</summary>
    /// <exception cref="StoreException">Not a Hearsay store, or made by a newer Hearsay.</exception>
    public static void Migrate(SqliteConnection connection, string location)
    {
        long appId = Scalar(connection, "PRAGMA application_id");
        long version = Scalar(connection, "PRAGMA user_version");
        long tables = Scalar(connection, "SELECT count(*) FROM sqlite_schema");
        if (appId != ApplicationId && (appId != 0 || tables > 0))
            throw new StoreException($"{location} is an SQLite database but not a Hearsay store.");
        if (version > Version)
            throw new StoreException($"{location} has store schema version {version}; this Hearsay knows up to {Version}. Use a newer Hearsay.");
        for (long v = version; v < Version; v++)
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Migrations[v];
                cmd.ExecuteNonQuery();
                cmd.CommandText = $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {v + 1};";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    internal static long Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L);
    }
}
