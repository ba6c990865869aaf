using Hearsay.Provenance.Graph;

namespace Hearsay.Tests.Provenance;

/// <summary>
/// A second fixture corpus (Provenance/Corpus2, written for these tests, independent of the first): an epidemiologist's
/// estimate that a heatwave killed 1,200 people in Spain, said in a radio interview and relayed by The Local, Reuters,
/// Der Spiegel, The Guardian, Bild and the Daily Mail in English and German, its number drifting from "1,200" to "more
/// than 1,000" and "Tausende". Der Tagesspiegel states it only in an unattributed "sollen" sentence that the analysis
/// does not take as a claim, so it is not expected in the cluster. Two articles on other heat news (wildfires in Spain,
/// deaths in Italy) must stay out.
/// </summary>
public class HeatCorpusTests(HeatCorpusFixture fixture) : IClassFixture<HeatCorpusFixture>
{
    private readonly ProvenanceCorpus c = fixture.Corpus;
    private ClusterReport Main => c.Graph.Claims[0];
    private Appearance At(string outlet) => Main.Appearances.Single(a => a.Article.Outlet == outlet);

    [Fact]
    public void The_estimate_is_one_cluster_in_both_languages_and_the_other_heat_news_stays_out()
    {
        var outlets = Main.Appearances.Select(a => a.Article.Outlet).ToHashSet();
        Assert.True(outlets.IsSupersetOf(["The Local Spain", "Reuters", "Der Spiegel", "The Guardian", "Bild", "Daily Mail"]), string.Join(", ", outlets));
        Assert.Equal(["de", "en"], Main.Languages);
        Assert.DoesNotContain("Euronews", outlets);
        Assert.DoesNotContain("Süddeutsche Zeitung", outlets);
        Assert.Equal("The Local Spain", Main.First.Article.Outlet);
    }

    [Fact]
    public void The_epidemiologist_is_the_single_origin()
    {
        Assert.True(Main.SingleOrigin);
        var origin = Assert.Single(Main.Origins, o => ProvenanceBuilder.Counts(o.Origin));
        Assert.Equal("Marta Ruiz", origin.Origin.Name);
        Assert.Equal("person", origin.Origin.Kind);
    }

    [Fact]
    public void A_newspaper_named_as_the_source_is_a_relay_and_the_claim_goes_back_through_it()
    {
        // "a Spanish scientist has claimed, as reported by The Guardian": The Guardian carried it, Ruiz said it.
        var mail = At("Daily Mail");
        Assert.Equal("The Guardian", mail.Parent?.Article.Outlet);
        Assert.Equal("Marta Ruiz", mail.Origin?.Name);
        Assert.Equal("via-relay", mail.OriginBasis);
    }

    [Fact]
    public void The_number_drifts_from_the_estimate_to_a_vague_plural()
    {
        Assert.True(Main.Drift.Drifted);
        // The Local's body: "At least 1,200 people died …, the epidemiologist Marta Ruiz said in an interview …"
        Assert.StartsWith("at least 1,200", Main.Drift.Summary);
        Assert.Contains("Tausende", Main.Drift.Points.Select(p => p.Quantity.AsWritten));
        Assert.Equal(1_200, Main.Drift.Max);
    }
}

public sealed class HeatCorpusFixture
{
    public ProvenanceCorpus Corpus { get; } = new(ProvenanceCorpus.FolderOf("Corpus2"));
}
