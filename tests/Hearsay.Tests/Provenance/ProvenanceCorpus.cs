using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Matching;
using Hearsay.Provenance.Model;
using Hearsay.Provenance.Sources;
using Hearsay.Tests.Output;

namespace Hearsay.Tests.Provenance;

/// <summary>
/// The fixture corpus (Provenance/Corpus/*.txt, written for these tests): one claim, that Iran is ready to send
/// 50,000 volunteers to fight for Russia, first said by the political scientist Oleg Smirnov on Russia-1 and
/// relayed in six articles, English and German: The Daily Beast → New York Post → Focus Online → Frankfurter
/// Rundschau → Münchner Merkur, plus the Daily Express naming no source. The number drifts from "50,000" to
/// "up to 50,000" to "tens of thousands"/"Zehntausende". Two more articles carry other claims about Iran and Russia
/// (drone deliveries; the size of Iran's army) that must not join the cluster. Analyzed once per test run.
/// </summary>
public sealed class ProvenanceCorpus
{
    public static string Folder => FolderOf("Corpus");

    public List<ClaimArticle> Articles { get; }
    public ClaimLinker Linker { get; }
    public ProvenanceGraph Graph { get; }

    /// <summary>The folder of another fixture corpus under Provenance/ ("Corpus2", "Corpus3").</summary>
    public static string FolderOf(string name) => Path.Combine(JsonWalk.RepoRoot(), "tests", "Hearsay.Tests", "Provenance", name);

    public ProvenanceCorpus(string? folder = null)
    {
        Articles = new PathClaimSource([folder ?? Folder]).Read(p => throw new InvalidOperationException(p.ToString())).ToList();
        Linker = new ClaimLinker();
        Linker.AddAll(Articles);
        Graph = ProvenanceBuilder.Build(Linker);
    }

    public ClusterReport Main => Graph.Claims[0];

    public static string OutletOf(Appearance a) => a.Article.Outlet ?? "";
}
