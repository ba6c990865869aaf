using Hearsay.Provenance.Model;
using Hearsay.Provenance.Sources;
using Hearsay.Store.Sqlite;

namespace Hearsay.Cli.Commands;

/// <summary>The stored analyses of a Hearsay store, oldest first, as claim articles for cross-article linking.
/// Nothing is analysed again: the hearsay.article/1 JSON the ingest stored is read as it is.</summary>
public sealed class StoreClaimSource(string path) : IClaimSource
{
    public string Description => $"store {Path.GetFileName(path)}";

    public IEnumerable<ClaimArticle> Read(Action<SourceProblem>? problems = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no store at {path}", path);
        using var store = SqliteArticleStore.Open(path, create: false);
        long sequence = 0;
        foreach (var stored in store.All())
        {
            ClaimArticle? article = null;
            try { article = HearsayJsonClaimReader.Read(stored.Json, sequence++); }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
            {
                problems?.Invoke(new SourceProblem(stored.Id, ex.Message));
            }
            if (article is not null) yield return article;
        }
    }
}
