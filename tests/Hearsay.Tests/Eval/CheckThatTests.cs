using Hearsay.Eval.CheckThat2020;
using Hearsay.Provenance.Matching;

namespace Hearsay.Tests.Eval;

/// <summary>The CheckThat! 2020 task 2 reader, the MAP@k scorer and the claim ranker, on small inputs written for the tests.</summary>
public class CheckThatTests
{
    [Fact]
    public void Quoted_tsv_fields_may_hold_tabs_quotes_and_line_breaks()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "\tvclaim\ttitle\n1\t\"A \"\"quoted\"\" claim\nover two lines\"\tTitle one\n2\tPlain claim\tTitle two\n");
        try
        {
            var claims = CheckThatData.ReadClaims(path);
            Assert.Equal(2, claims.Count);
            Assert.Equal("A \"quoted\" claim\nover two lines", claims[0].Text);
            Assert.Equal("Title two", claims[1].Title);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_tweet_keeps_its_author_loses_links_and_splits_hashtags()
    {
        const string tweet = "Breaking: #IranProtests spread pic.twitter.com/AbC123 https://t.co/xyz — Jane Doe (@JaneDoeNews) January 6, 2020";
        var tidy = CheckThatData.Tidy(tweet);
        Assert.Contains("Iran Protests", tidy);
        Assert.Contains("Jane Doe", tidy);
        Assert.Contains("Jane Doe News", tidy);
        Assert.DoesNotContain("pic.twitter", tidy);
        Assert.DoesNotContain("https", tidy);
        Assert.DoesNotContain("2020", tidy);
        Assert.Equal(2020, CheckThatData.YearOf(tweet));
    }

    [Fact]
    public void Average_precision_at_k_is_the_official_one()
    {
        var relevant = new HashSet<string> { "a" };
        Assert.Equal(1.0, MapScorer.AveragePrecision(["a", "b"], relevant, 5));
        Assert.Equal(1.0 / 3, MapScorer.AveragePrecision(["x", "y", "a"], relevant, 5), 6);
        Assert.Equal(0.0, MapScorer.AveragePrecision(["x", "y", "z", "w", "v", "a"], relevant, 5));
        // Two relevant claims: precisions at their ranks, divided by two.
        Assert.Equal((1.0 + 2.0 / 3) / 2, MapScorer.AveragePrecision(["a", "x", "b"], new HashSet<string> { "a", "b" }, 5), 6);
    }

    [Fact]
    public void The_ranker_puts_the_claim_a_text_repeats_first()
    {
        var claims = new List<KnownClaim>
        {
            new("1", "A photograph shows a shark swimming on a flooded highway after Hurricane Harvey.", "Shark on a Highway?"),
            new("2", "The city of Houston banned plastic bags in 2019.", "Houston Plastic Bag Ban"),
            new("3", "Drinking hot water every fifteen minutes prevents the coronavirus.", "Hot Water and the Coronavirus"),
            new("4", "Senator Smith voted against funding for veterans' hospitals.", "Did Smith Vote Against Veterans?"),
        };
        var ranker = new ClaimRanker(claims);
        Assert.Equal("1", ranker.Rank("Unbelievable, a shark is swimming down the highway in Houston after #Harvey")[0].Claim.Id);
        Assert.Equal("3", ranker.Rank("Doctors say: drink hot water every 15 minutes and the virus dies")[0].Claim.Id);
        Assert.Equal("4", ranker.Rank("Smith just voted against the veterans hospitals funding. Shameful.")[0].Claim.Id);
    }

    private static readonly List<KnownClaim> Festival =
    [
        new("1", "The music festival on the island was cancelled and guests were stranded at the airport.", "Island Festival Cancelled?"),
        new("2", "A school in Ohio banned homework on weekends.", "Weekend Homework Ban"),
    ];

    [Fact]
    public void A_word_run_together_is_split_into_the_words_the_claims_use()
    {
        var ranker = new ClaimRanker(Festival);
        Assert.Equal("island festival", ranker.SplitRunTogether("islandfestival"));
        Assert.Equal("homework", ranker.SplitRunTogether("homework"));             // known as it stands
        Assert.Equal("zorbleflux", ranker.SplitRunTogether("zorbleflux"));         // not made of known words
        Assert.Equal("weekend2", ranker.SplitRunTogether("weekend2"));             // not all letters
    }

    [Fact]
    public void Tidy_splits_a_lower_case_hashtag_with_the_splitter()
    {
        var ranker = new ClaimRanker(Festival);
        var tidy = CheckThatData.Tidy("Stuck here #islandfestival #AirportChaos", ranker.SplitRunTogether);
        Assert.Contains("island festival", tidy);
        Assert.Contains("Airport Chaos", tidy);
        Assert.DoesNotContain("islandfestival", CheckThatData.Tidy("Stuck here #islandfestival", ranker.SplitRunTogether));
    }

    [Fact]
    public void An_unfitted_ranker_keeps_the_first_stage_order_and_fitting_learns_from_labelled_queries()
    {
        // Two candidates per query: the first-stage favourite shares more words, the relevant one shares a year the
        // query's date fits. Fitting on such queries must learn to prefer the year fit over the first-stage score.
        var claims = new List<KnownClaim>
        {
            new("a", "The mayor closed the river bridge in 2019 after the flood damaged the bridge and the river bank.", ""),
            new("b", "The mayor closed the river bridge in 2012 for repairs.", ""),
        };
        var ranker = new ClaimRanker(claims);
        const string text = "mayor closed the river bridge, the flood damaged the river bank";
        Assert.Equal("a", ranker.Rank(text, year: 2012)[0].Claim.Id);
        var (candidates, features) = ranker.Features(text, 2012);
        var query = (features, candidates.Select(c => claims[c].Id == "b").ToArray());
        ranker.Model = RankerModel.Fit([query, query, query], iterations: 300);
        Assert.Equal("b", ranker.Rank(text, year: 2012)[0].Claim.Id);
    }
}
