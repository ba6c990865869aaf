using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Matching;

namespace Hearsay.Tests.Provenance;

/// <summary>The fixture corpus end to end: the one claim is one cluster across both languages, with its origin,
/// relays in order, number drift and single-origin flag; the unrelated claims stay out.</summary>
public class CorpusTests(ProvenanceCorpusFixture fixture) : IClassFixture<ProvenanceCorpusFixture>
{
    private readonly ProvenanceCorpus c = fixture.Corpus;

    [Fact]
    public void Eight_articles_are_read_with_their_front_matter()
    {
        Assert.Equal(8, c.Articles.Count);
        Assert.All(c.Articles, a => Assert.NotNull(a.Info.Published));
        Assert.Contains(c.Articles, a => a.Info.Outlet == "Focus Online" && a.Info.Language == "de");
        Assert.Contains(c.Articles, a => a.Info.Outlet == "New York Post" && a.Info.Language == "en");
    }

    [Fact]
    public void The_claim_is_one_cluster_across_six_articles_in_two_languages()
    {
        var main = c.Main;
        Assert.Single(c.Graph.Claims); // no other claim appears in two articles
        Assert.Equal(6, main.Appearances.Count);
        Assert.Equal(["de", "en"], main.Languages);
        var outlets = main.Appearances.Select(ProvenanceCorpus.OutletOf).ToHashSet();
        Assert.Equal(new HashSet<string> { "The Daily Beast", "New York Post", "Focus Online", "Frankfurter Rundschau", "Daily Express", "Münchner Merkur" }, outlets);
    }

    [Fact]
    public void Other_claims_about_Iran_and_Russia_stay_out_of_the_cluster()
    {
        var inCluster = c.Main.Appearances.SelectMany(a => a.Mentions).Select(m => m.Text).ToList();
        Assert.DoesNotContain(inCluster, t => t.Contains("Drohnen", StringComparison.Ordinal) || t.Contains("610,000", StringComparison.Ordinal));
    }

    [Fact]
    public void First_appearance_is_the_earliest_publication()
    {
        Assert.Equal("publication-date", c.Main.DateBasis);
        Assert.Equal("The Daily Beast", ProvenanceCorpus.OutletOf(c.Main.First));
        Assert.Equal(new DateTimeOffset(2023, 3, 2, 18, 40, 0, TimeSpan.Zero), c.Main.First.Article.Published);
    }

    [Fact]
    public void The_origin_is_the_commentator_in_both_spellings_and_it_is_single()
    {
        var counted = c.Main.Origins.Where(o => ProvenanceBuilder.Counts(o.Origin)).ToList();
        var origin = Assert.Single(counted);
        Assert.Equal("person", origin.Origin.Kind);
        Assert.StartsWith("Oleg Smirno", origin.Origin.Name); // "Smirnov" (en) and "Smirnow" (de) are one source
        Assert.Equal(1, c.Main.IndependentOrigins);
        Assert.True(c.Main.SingleOrigin);
        Assert.Equal(5, c.Main.Repetitions);
        Assert.Equal(1, c.Main.Unsourced); // the Daily Express names no source
        Assert.Contains("Russia-1", origin.Media);
    }

    [Fact]
    public void The_relay_tree_follows_the_outlets_each_article_names()
    {
        string? ParentOf(string outlet) => c.Main.Appearances.Single(a => ProvenanceCorpus.OutletOf(a) == outlet).Parent is { } p ? ProvenanceCorpus.OutletOf(p) : null;
        Assert.Null(ParentOf("The Daily Beast"));
        Assert.Equal("The Daily Beast", ParentOf("New York Post"));   // "as first reported by The Daily Beast"
        Assert.Equal("New York Post", ParentOf("Focus Online"));      // "wie die New York Post berichtete"
        Assert.Equal("Focus Online", ParentOf("Frankfurter Rundschau")); // "laut einem Bericht von Focus Online"
        Assert.Equal("Frankfurter Rundschau", ParentOf("Münchner Merkur"));
        Assert.Null(ParentOf("Daily Express"));
    }

    [Fact]
    public void Relays_in_order_start_with_the_state_channel()
    {
        var relays = c.Main.Relays;
        Assert.Equal("Russia-1", relays[0].Name);
        Assert.Equal("medium", relays[0].Role);
        Assert.True(relays[0].StateMedia);
        var outlets = relays.Where(r => r.Role == "outlet").Select(r => r.Key).ToList();
        Assert.Equal(["g:daily-beast", "g:nypost", "g:focus", "g:frankfurter-rundschau"], outlets.Take(4));
    }

    [Fact]
    public void The_number_drifts_from_a_figure_to_a_bound_to_a_vague_plural()
    {
        var drift = c.Main.Drift;
        Assert.True(drift.Drifted);
        Assert.Equal("50,000 → up to 50,000 → at least ~10,000", drift.Summary);
        Assert.Equal(10_000, drift.Min);
        Assert.Equal(50_000, drift.Max);
        var written = drift.Points.Select(p => p.Quantity.AsWritten).ToList();
        Assert.Contains("bis zu 50.000", written);
        Assert.Contains("Zehntausende", written);
    }

    [Fact]
    public void Adding_the_articles_in_another_order_gives_the_same_cluster()
    {
        var linker = new ClaimLinker();
        foreach (var a in Enumerable.Reverse(c.Articles)) linker.Add(a);
        var graph = ProvenanceBuilder.Build(linker);
        var appearances = Assert.Single(graph.Claims).Appearances.Select(a => a.Article.Id).OrderBy(x => x).ToList();
        Assert.Equal(c.Main.Appearances.Select(a => a.Article.Id).OrderBy(x => x), appearances);
        Assert.Equal("The Daily Beast", ProvenanceCorpus.OutletOf(graph.Claims[0].First)); // by date, not by ingest order
    }

    [Fact]
    public void A_later_article_extends_the_cluster_and_keeps_its_id()
    {
        var linker = new ClaimLinker();
        foreach (var a in c.Articles.Where(a => a.Info.Outlet != "Münchner Merkur")) linker.Add(a);
        var before = ProvenanceBuilder.Build(linker).Claims[0];
        var comparisons = linker.Stats.Comparisons;
        linker.Add(c.Articles.Single(a => a.Info.Outlet == "Münchner Merkur"));
        var after = ProvenanceBuilder.Build(linker).Claims[0];
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Appearances.Count + 1, after.Appearances.Count);
        Assert.True(linker.Stats.Comparisons - comparisons <= 2 * linker.Options.Candidates * linker.Options.Representatives,
            "the new article is compared with a bounded number of candidates, not with everything");
    }
}

/// <summary>Analyzes the fixture corpus once for all tests of a class.</summary>
public sealed class ProvenanceCorpusFixture
{
    private static readonly Lazy<ProvenanceCorpus> Shared = new(() => new ProvenanceCorpus());
    public ProvenanceCorpus Corpus => Shared.Value;
}
