using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Matching;
using Hearsay.Provenance.Model;
using static Hearsay.Tests.Provenance.LinkerTests;

namespace Hearsay.Tests.Provenance;

/// <summary>What lets a German and an English report of one claim meet, one phenomenon each: a name one analysis
/// found and the other read as a word, a word with two senses, areas in other units, a fraction in words, a vague
/// number's reach, a headline restating its own article's claim, and an outlet or the article's own outlet read as
/// the source.</summary>
public class BilingualLinkingTests
{
    /// <param name="name">The words of the text the entity layer found as the entity (read through its key, not as words).</param>
    private static ClaimMention Mention(string id, string text, string[]? entities = null, bool headline = false, params QuantityFact[] quantities) =>
        Named(id, text, null, entities, headline, quantities);

    private static ClaimMention Named(string id, string text, string? name, string[]? entities = null, bool headline = false, params QuantityFact[] quantities)
    {
        var m = new ClaimMention
        {
            ArticleId = "a", LocalId = id, Text = text, Headline = headline, Form = headline ? "unattributed" : "indirect",
            EntityKeys = (entities ?? []).ToList(),
        };
        if (name is not null && text.IndexOf(name, StringComparison.Ordinal) is >= 0 and var at) m.Covered.Add((at, at + name.Length));
        m.Quantities.AddRange(quantities);
        return m;
    }

    private static QuantityFact Count(double value, string? unit = null, string kind = "count", string bound = "exact", bool approximate = false) =>
        new(kind, value, null, unit, bound, approximate, value.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null);

    [Fact]
    public void A_name_one_analysis_recognized_and_another_read_as_a_word_is_one_entity()
    {
        var linker = new ClaimLinker();
        var de = linker.Normalizer.Normalize(Named("c1", "Velmar will 12.000 Stellen streichen", "Velmar", ["person:velmar"]), "de");
        var en = linker.Normalizer.NormalizeText("Velmar plans to cut 12,000 jobs", "en");
        var other = linker.Normalizer.NormalizeText("Brakon plans to cut 12,000 jobs", "en");
        Assert.True(linker.Compare(de, en).SharedEntity);
        Assert.False(linker.Compare(de, other).SharedEntity);
        Assert.True(linker.Compare(de, en).Score > linker.Compare(de, other).Score);
    }

    [Fact]
    public void A_word_with_two_senses_states_both_concepts()
    {
        var n = new ClaimLinker().Normalizer;
        var jobs = n.Explain(n.NormalizeText("Velmar will 12.000 Stellen streichen", "de"));
        Assert.Contains("c:decrease", jobs); // "Stellen streichen" = cut jobs
        Assert.Contains("c:cancel", jobs);   // "Flüge streichen" = cancel flights
        Assert.Contains("c:decrease", n.Explain(n.NormalizeText("Velmar plans to cut 12,000 jobs", "en")));
        Assert.Contains("c:cancel", n.Explain(n.NormalizeText("Lufthansa cancelled 800 flights", "en")));
    }

    [Fact]
    public void Areas_in_square_kilometres_and_acres_are_compared_in_hectares()
    {
        var linker = new ClaimLinker();
        var ha = linker.Normalizer.Normalize(Mention("c1", "The fire burned 12,000 hectares", quantities: Count(12000, "ha", "measure")), "en");
        var km2 = linker.Normalizer.Normalize(Mention("c2", "Das Feuer vernichtete 120 Quadratkilometer", quantities: Count(120, "km2", "measure")), "de");
        var acres = linker.Normalizer.Normalize(Mention("c3", "The blaze destroyed 30,000 acres", quantities: Count(30000, "acre", "measure")), "en");
        var small = linker.Normalizer.Normalize(Mention("c4", "The blaze destroyed 300 acres", quantities: Count(300, "acre", "measure")), "en");
        Assert.Equal(12000, ha.Values[0]);
        Assert.Equal(12000, km2.Values[0], 6);
        Assert.True(linker.Compare(ha, km2).SharedNumber);
        Assert.True(linker.Compare(ha, acres).SharedNumber);
        Assert.False(linker.Compare(ha, small).SharedNumber);
    }

    [Fact]
    public void A_fraction_in_words_is_compared_as_a_percentage()
    {
        Assert.Equal(33.3333, ClaimNormalizer.Comparable(Count(1 / 3.0, bound: "lower")), 3);
        Assert.Equal(40, ClaimNormalizer.Comparable(Count(40, "%", "percent")));
        Assert.Equal(2.5, ClaimNormalizer.Comparable(Count(2.5)));  // a count above one stays a count
    }

    [Fact]
    public void A_vague_number_reaches_twenty_times_its_base_and_no_further()
    {
        var thousands = new ClaimVector { Terms = [], Values = [1000], Vague = [true] };
        ClaimVector Exact(double v) => new() { Terms = [], Values = [v], Vague = [false] };
        Assert.True(ClaimLinker.CompatibleQuantities(thousands, Exact(12000)));   // "thousands of jobs" for 12,000
        Assert.False(ClaimLinker.CompatibleQuantities(thousands, Exact(100000))); // not for 100,000
        Assert.False(ClaimLinker.CompatibleQuantities(thousands, Exact(300)));    // nor for 300
    }

    [Fact]
    public void A_headline_stating_the_number_of_a_body_claim_of_its_article_joins_it()
    {
        var headline = Mention("c1", "Impfung: Studie meldet Wirksamkeit von 80 Prozent", ["organization:rsv"], headline: true, Count(80, "%", "percent"));
        var body = Mention("c2", "Der neue Impfstoff verhindert 80 Prozent der schweren Erkrankungen bei Senioren", ["organization:rsv"], false, Count(80, "%", "percent"));
        var otherNumber = Mention("c3", "Der neue Impfstoff verhindert 20 Prozent der leichten Erkrankungen bei Kindern", ["organization:rsv"], false, Count(20, "%", "percent"));
        var linker = new ClaimLinker();
        // On their words alone the two are too far apart to link.
        Assert.True(linker.Compare(linker.Normalizer.Normalize(headline, "de"), linker.Normalizer.Normalize(body, "de")).Score < linker.Options.Threshold);
        linker.Add(Article("a", "de", "n-tv", null, headline, body, otherNumber));
        Assert.Equal(linker.Find(0), linker.Find(1));
        Assert.NotEqual(linker.Find(0), linker.Find(2));
    }

    private const string Text = "Belarus is ready to send 20,000 soldiers to the border with Poland";
    private const string TextDe = "Belarus sei bereit, 20.000 Soldaten an die Grenze zu Polen zu schicken";
    private static readonly string[] Entities = ["g:BY", "g:PL"];
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static ClusterReport Single(params ClaimArticle[] articles)
    {
        var linker = new ClaimLinker();
        linker.AddAll(articles);
        return Assert.Single(ProvenanceBuilder.Build(linker).Claims);
    }

    [Fact]
    public void An_outlet_named_as_the_source_is_a_medium_even_when_the_analysis_took_it_for_a_person()
    {
        var r = Single(
            Article("a1", "de", "Der Spiegel", Day, Claim("a1", TextDe, Entities, 20000)),
            Article("a2", "en", "BBC", Day.AddDays(1), Claim("a2", Text, Entities, 20000, origin: "Der Spiegel", originKind: "person")));
        Assert.Equal("Oleg Smirnov", r.Appearances[1].Origin!.Name);
        Assert.Equal("a1", r.Appearances[1].Parent!.Article.Id);
        Assert.True(r.SingleOrigin);
    }

    [Fact]
    public void A_one_word_person_source_is_not_taken_for_an_outlet()
    {
        var r = Single(
            Article("a1", "de", "Outlet A", Day, Claim("a1", TextDe, Entities, 20000)),
            Article("a2", "en", "Outlet B", Day.AddDays(1), Claim("a2", Text, Entities, 20000, origin: "Stern", originKind: "person")));
        Assert.Equal("person", r.Appearances[1].Origin!.Kind);
        Assert.Equal(2, r.IndependentOrigins);
    }

    [Fact]
    public void The_articles_own_outlet_read_as_the_source_gives_way_to_the_origin_it_names()
    {
        // The Reuters article's analysis read "…, Oleg Smirnov told Reuters" with Reuters as the source; it names Smirnov.
        var reuters = Article("a1", "en", "Reuters", Day, Claim("a1", Text, Entities, 20000, origin: "Reuters", originKind: "media"));
        reuters.Entities.Add(new EntityFact("e1", "person", "Oleg Smirnov", "person:smirnov", false));
        var r = Single(reuters, Article("a2", "de", "Outlet B", Day.AddDays(1), Claim("a2", TextDe, Entities, 20000)));
        Assert.Equal("Oleg Smirnov", r.Appearances[0].Origin!.Name);
        Assert.Equal("in-article", r.Appearances[0].OriginBasis);
        Assert.True(r.SingleOrigin);
    }

    [Fact]
    public void A_fraction_in_words_is_shown_as_a_percentage()
    {
        Assert.Equal("up to ~25 %", ProvenanceBuilder.Render(new QuantityFact("count", 0.25, null, null, "upper", true, "fast ein Viertel", "fast", null)));
        Assert.Equal("at least 33.3 %", ProvenanceBuilder.Render(new QuantityFact("count", 1 / 3.0, null, null, "lower", false, "more than a third", "more than", null)));
        Assert.Equal("12,000", ProvenanceBuilder.Render(Count(12000)));
    }

    [Fact]
    public void The_origin_read_as_a_relay_is_no_hop_on_its_own_route()
    {
        var r = Single(
            Article("a1", "en", "Outlet A", Day, Claim("a1", Text, Entities, 20000)),
            Article("a2", "de", "Outlet B", Day.AddDays(1), Claim("a2", TextDe, Entities, 20000, hops: ("relay", "Oleg Smirnow", "person:smirnov"))));
        Assert.Equal("Oleg Smirnov", r.Appearances[1].Origin!.Name);
        Assert.DoesNotContain(r.Appearances[1].Hops, h => h.Key == "person:smirnov");
        Assert.DoesNotContain(r.Relays, x => x.Key == "person:smirnov");
    }
}
