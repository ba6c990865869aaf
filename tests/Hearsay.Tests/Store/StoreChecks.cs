using System.Text.Json;
using Hearsay.Store;
using Microsoft.Data.Sqlite;

namespace Hearsay.Tests.Store;

/// <summary>Looks into a store file directly, as an outside tool (sqlite3) would, and checks that it is consistent.</summary>
internal static class StoreChecks
{
    public static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        c.Open();
        return c;
    }

    public static long Scalar(string path, string sql)
    {
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public static void Execute(string path, string sql)
    {
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static List<string> Strings(string path, string sql)
    {
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(r.IsDBNull(0) ? "" : r.GetValue(0).ToString()!);
        return list;
    }

    /// <summary>SQLite's integrity check, the FTS index's, no duplicate keys, every stored analysis readable and
    /// complete, and every running count equal to what the rows add up to.</summary>
    public static void AssertConsistent(string path)
    {
        Assert.Equal(["ok"], Strings(path, "PRAGMA integrity_check"));
        Execute(path, "INSERT INTO passages(passages) VALUES('integrity-check')");
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM (SELECT key FROM articles GROUP BY key HAVING count(*) > 1)"));
        Assert.Equal(Scalar(path, "SELECT count(*) FROM articles"), Scalar(path, "SELECT coalesce((SELECT value FROM totals WHERE name = 'articles'), 0)"));
        Assert.Equal(Scalar(path, "SELECT count(*) FROM attributions"), Scalar(path, "SELECT coalesce((SELECT value FROM totals WHERE name = 'attributions'), 0)"));
        Assert.Equal(Scalar(path, "SELECT count(*) FROM claims"), Scalar(path, "SELECT coalesce((SELECT value FROM totals WHERE name = 'claims'), 0)"));
        Assert.Equal(Scalar(path, "SELECT count(*) FROM passages"), Scalar(path, "SELECT coalesce((SELECT value FROM totals WHERE name = 'passages'), 0)"));
        // Per article: its rows match its own counts, so no article is stored in part.
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM articles a WHERE a.attributions <> (SELECT count(*) FROM attributions t WHERE t.article_id = a.id)"));
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM articles a WHERE a.claims <> (SELECT count(*) FROM claims t WHERE t.article_id = a.id)"));
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM attributions t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)"));
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM passages WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = passages.rowid >> 12)"));
        // Running counts equal the sums of the articles' shares, and every name an attribution points to exists.
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM names n WHERE n.statements <> coalesce((SELECT sum(j.value->>3) FROM articles a, " +
                                     "json_each(a.shares, '$.names') j WHERE j.value->>0 = n.role AND j.value->>1 = n.kind AND j.value->>2 = n.norm), 0)"));
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM names n WHERE n.articles <> (SELECT count(*) FROM articles a, " +
                                     "json_each(a.shares, '$.names') j WHERE j.value->>0 = n.role AND j.value->>1 = n.kind AND j.value->>2 = n.norm)"));
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM name_links l JOIN names s ON s.id = l.source_id JOIN names c ON c.id = l.channel_id " +
                                     "WHERE l.statements <> coalesce((SELECT sum(j.value->>5) FROM articles a, json_each(a.shares, '$.links') j " +
                                     "WHERE j.value->>0 = s.kind AND j.value->>1 = s.norm AND j.value->>2 = c.role AND j.value->>3 = c.kind AND j.value->>4 = c.norm), 0)"));
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM attributions t WHERE t.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM names n WHERE n.id = t.source_id AND n.role = 0)"));
        // Every analysis decodes to a hearsay.article/1 document with its text.
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT analysis, chars FROM articles";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            using var doc = JsonDocument.Parse(AnalysisCodec.Decode((byte[])r.GetValue(0)));
            Assert.Equal("hearsay.article/1", doc.RootElement.GetProperty("schema").GetString());
            Assert.Equal(r.GetInt64(1), doc.RootElement.GetProperty("text").GetString()!.Length);
        }
    }
}
