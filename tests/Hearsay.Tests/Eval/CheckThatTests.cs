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
}
