using Hearsay.Provenance.Graph;

namespace Hearsay.Tests.Provenance;

/// <summary>
/// A third fixture corpus (Provenance/Corpus3), written as a checker would after the linker was settled and used to
/// find general faults only: a crypto exchange's founder says hackers stole $600 million; CoinDesk, Bloomberg,
/// Handelsblatt, heise online, the BBC and t-online carry it in English and German, the sum drifting to "more than
/// 500 million" and "hundreds of millions". Two headlines put the exchange's name before a colon, which the analysis
/// reads as a source; the founder, named in the body, is still the one origin. Two articles with other claims
/// (refunds; a fraud arrest) stay out.
/// </summary>
public class HackCorpusTests
{
    private static readonly Lazy<ProvenanceGraph> Graph = new(() => new ProvenanceCorpus(ProvenanceCorpus.FolderOf("Corpus3")).Graph);

    [Fact]
    public void Six_articles_one_claim_one_origin_and_the_relays_they_cite()
    {
        var main = Assert.Single(Graph.Value.Claims);
        Assert.Equal(["BBC", "Bloomberg", "CoinDesk", "Handelsblatt", "heise online", "t-online"], main.Appearances.Select(a => a.Article.Outlet!).OrderBy(o => o, StringComparer.Ordinal));
        Assert.True(main.SingleOrigin);
        Assert.Equal("Tomasz Wilk", Assert.Single(main.Origins, o => ProvenanceBuilder.Counts(o.Origin)).Origin.Name);
        string? Parent(string outlet) => main.Appearances.Single(a => a.Article.Outlet == outlet).Parent?.Article.Outlet;
        Assert.Equal("CoinDesk", Parent("Bloomberg"));       // "according to CoinDesk"
        Assert.Equal("Bloomberg", Parent("Handelsblatt"));
        Assert.Equal("Handelsblatt", Parent("heise online"));
        Assert.True(main.Drift.Drifted);
        Assert.Equal(600_000_000, main.Drift.Max);
    }
}
