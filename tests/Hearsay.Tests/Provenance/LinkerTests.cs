using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Matching;
using Hearsay.Provenance.Model;

namespace Hearsay.Tests.Provenance;

/// <summary>The linker on claims built in memory (no analysis), one phenomenon each.</summary>
public class LinkerTests
{
    internal static ClaimArticle Article(string id, string language, string? outlet, DateTimeOffset? published, params ClaimMention[] claims)
    {
        var a = new ClaimArticle
        {
            Info = new ArticleInfo { Id = id, Language = language, Outlet = outlet, Published = published, PublishedFrom = published is null ? DateSource.None : DateSource.Metadata },
        };
        foreach (var c in claims) a.Claims.Add(c);
        return a;
    }

    internal static ClaimMention Claim(string articleId, string text, string[]? entities = null, double? value = null, string origin = "Oleg Smirnov",
        string originKind = "person", string form = "indirect", params (string Role, string Name, string Key)[] hops)
    {
        var chain = new List<ChainHop>();
        if (origin.Length > 0)
        {
            var key = originKind switch
            {
                "person" => "person:" + Keys.Surname(origin),
                "media" => OutletDirectory.Default.Resolve(origin).Key,
                _ => originKind + ":" + Keys.Fold(origin),
            };
            chain.Add(new ChainHop("origin", origin, originKind, key, false, false, originKind is "person" or "organization" or "media"));
        }
        foreach (var (role, name, key) in hops) chain.Add(new ChainHop(role, name, "media", key, false, false, key.StartsWith("g:")));
        var m = new ClaimMention
        {
            ArticleId = articleId, LocalId = "c" + Math.Abs(text.GetHashCode() % 1000), Text = text, Form = origin.Length == 0 ? "unattributed" : form,
            Headline = origin.Length == 0, Chain = chain,
            EntityKeys = (entities ?? []).ToList(),
            Covered = NamesIn(text),
        };
        if (value is { } v) m.Quantities.Add(new QuantityFact("count", v, null, null, "exact", false, v.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null));
        return m;
    }

    private static readonly DateTimeOffset Day = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The names the entity layer would find in these test sentences: the matcher reads them as entity keys.</summary>
    private static readonly string[] Names = ["Belarus", "Poland", "Polen", "Polish", "Finland"];

    private static List<(int, int)> NamesIn(string text)
    {
        var spans = new List<(int, int)>();
        foreach (var name in Names)
            for (int i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
                spans.Add((i, i + name.Length));
        return spans;
    }

    [Fact]
    public void A_German_paraphrase_of_an_English_claim_joins_its_cluster()
    {
        var linker = new ClaimLinker();
        linker.Add(Article("a1", "en", "Outlet A", Day, Claim("a1", "Belarus is ready to send 20,000 soldiers to the border with Poland", ["g:BY", "g:PL"], 20000)));
        linker.Add(Article("a2", "de", "Outlet B", Day.AddDays(1), Claim("a2", "Belarus sei bereit, 20.000 Soldaten an die Grenze zu Polen zu schicken", ["g:BY", "g:PL"], 20000)));
        Assert.Single(linker.Clusters());
    }

    [Fact]
    public void The_same_words_with_numbers_a_factor_ten_apart_are_two_claims()
    {
        var linker = new ClaimLinker();
        linker.Add(Article("a1", "en", "Outlet A", Day, Claim("a1", "The army has 20,000 soldiers at the border with Poland", ["g:BY", "g:PL"], 20000)));
        linker.Add(Article("a2", "en", "Outlet B", Day, Claim("a2", "The army has 900,000 soldiers at the border with Poland", ["g:BY", "g:PL"], 900000)));
        Assert.Equal(2, linker.Clusters().Count);
    }

    [Fact]
    public void Claims_sharing_only_names_are_not_linked()
    {
        var linker = new ClaimLinker();
        linker.Add(Article("a1", "de", "A", Day, Claim("a1", "Belarus liefert Getreide an Polen", ["g:BY", "g:PL"])));
        linker.Add(Article("a2", "de", "B", Day, Claim("a2", "Belarus droht Polen mit Sanktionen", ["g:BY", "g:PL"])));
        Assert.Equal(2, linker.Clusters().Count);
    }

    [Fact]
    public void Work_per_claim_is_bounded_by_the_scan_limit()
    {
        var linker = new ClaimLinker(new LinkerOptions { ScanLimit = 16 });
        for (int i = 0; i < 400; i++)
            linker.Add(Article("a" + i, "en", "O" + i, Day, Claim("a" + i, $"The ministry reported {i} new cases of measles in the capital region", ["g:BY"], i + 1)));
        var o = linker.Options;
        Assert.True(linker.Stats.PostingsScanned <= linker.Stats.Claims * o.QueryTerms * o.ScanLimit);
        Assert.True(linker.Stats.Comparisons <= linker.Stats.Claims * o.Candidates * o.Representatives);
    }

    [Fact]
    public void Cluster_ids_are_stable_and_named_after_the_first_mention()
    {
        var a1 = Article("a1", "en", "A", Day, Claim("a1", "Belarus is ready to send 20,000 soldiers to the border with Poland", ["g:BY", "g:PL"], 20000));
        var a2 = Article("a2", "en", "B", Day, Claim("a2", "Belarus could send up to 20,000 soldiers to the Polish border", ["g:BY", "g:PL"], 20000));
        var one = new ClaimLinker();
        one.Add(a1);
        var id = one.Clusters()[0].Id;
        one.Add(a2);
        Assert.Equal(id, Assert.Single(one.Clusters()).Id);
        Assert.Matches("^k[0-9a-f]{8}$", id);
    }

    private static int ClustersOf(params (string Text, string[] Entities, double? Value)[] claims)
    {
        var linker = new ClaimLinker();
        for (int i = 0; i < claims.Length; i++)
            linker.Add(Article("a" + i, "en", "Outlet " + i, Day, Claim("a" + i, claims[i].Text, claims[i].Entities, claims[i].Value)));
        return linker.Clusters().Count;
    }

    private static readonly string[] ByPl = ["g:BY", "g:PL"];

    [Fact]
    public void A_claim_and_its_negation_are_two_claims()
    {
        Assert.Equal(1, ClustersOf(("Belarus will close its border with Poland next week", ByPl, null), ("Belarus is going to close its border with Poland next week", ByPl, null)));
        Assert.Equal(2, ClustersOf(("Belarus will close its border with Poland next week", ByPl, null), ("Belarus will not close its border with Poland next week", ByPl, null)));
    }

    [Fact]
    public void A_claim_and_its_opposite_are_two_claims()
    {
        Assert.Equal(1, ClustersOf(("Belarus has deployed 20,000 soldiers to the border with Poland", ByPl, 20000), ("Belarus has sent 20,000 soldiers to the border with Poland", ByPl, 20000)));
        Assert.Equal(2, ClustersOf(("Belarus has deployed 20,000 soldiers to the border with Poland", ByPl, 20000), ("Belarus has withdrawn 20,000 soldiers from the border with Poland", ByPl, 20000)));
    }

    [Fact]
    public void The_same_sentence_about_another_country_is_another_claim()
    {
        var linker = new ClaimLinker();
        var a = linker.Normalizer.Normalize(Claim("a1", "Belarus has moved 20,000 soldiers to the border with Poland", ByPl, 20000), "en");
        var b = linker.Normalizer.Normalize(Claim("a2", "Belarus has moved 20,000 soldiers to the border with Finland", ["g:BY", "g:FI"], 20000), "en");
        Assert.True(linker.Compare(a, b).EntitiesDiffer);
        Assert.Equal(2, ClustersOf(("Belarus has moved 20,000 soldiers to the border with Poland", ByPl, 20000), ("Belarus has moved 20,000 soldiers to the border with Finland", ["g:BY", "g:FI"], 20000)));
    }

    [Fact]
    public void One_name_and_two_words_are_too_little_evidence_a_shared_number_is_enough()
    {
        // "blamed Belarus for the attack", said of two attacks: the same words, nothing that says it is the same one.
        Assert.Equal(2, ClustersOf(("The governor blamed Belarus for the attack", ["g:BY"], null), ("The army blamed Belarus for the attack", ["g:BY"], null)));
        Assert.Equal(1, ClustersOf(("The governor blamed Belarus for the attack on 17 soldiers", ["g:BY"], 17), ("The army blamed Belarus for the attack on 17 soldiers", ["g:BY"], 17)));
    }

    [Fact]
    public void A_number_that_drifted_a_little_still_fits_one_far_off_does_not()
    {
        var linker = new ClaimLinker();
        ClaimVector V(string text, double value) => linker.Normalizer.Normalize(Claim("a", text, ByPl, value), "en");
        var fit = linker.Compare(V("Belarus has moved 1,800 soldiers to the border with Poland", 1800), V("Belarus has moved nearly 2,000 soldiers to the border with Poland", 2000));
        Assert.True(fit.SharedNumber);
        Assert.False(fit.NumbersApart);
        var apart = linker.Compare(V("Belarus has moved 1,800 soldiers to the border with Poland", 1800), V("Belarus has moved 4,900 soldiers to the border with Poland", 4900));
        Assert.True(apart.NumbersApart);
        Assert.True(apart.Score < fit.Score);
    }

    [Fact]
    public void A_compound_shared_by_both_claims_is_one_shared_word()
    {
        var linker = new ClaimLinker();
        var a = linker.Normalizer.NormalizeText("Der Arbeitsmarkt wächst", "de");
        var b = linker.Normalizer.NormalizeText("Der Arbeitsmarkt schrumpft", "de");
        Assert.NotEmpty(a.PartOnly); // "Arbeitsmarkt" gives its parts' concepts too
        Assert.Equal(1, linker.Compare(a, b).SharedWords);
    }
}
