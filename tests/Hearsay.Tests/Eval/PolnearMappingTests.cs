using Hearsay.Document;
using Hearsay.Eval.PolNeAR;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Eval;

/// <summary>Hearsay's attributions mapped to PolNeAR's span conventions, one fixture each.</summary>
public class PolnearMappingTests
{
    private static string Cue(Article a, BratRelation r) => string.Join(" … ", r.Cue!.Parts.Select(p => a.Text[p.Start..p.End]));
    private static string Content(Article a, BratRelation r) => string.Join(" … ", r.Content!.Parts.Select(p => a.Text[p.Start..p.End]));

    [Fact]
    public void The_cue_takes_an_adverb_right_before_the_verb()
    {
        var a = En("Trump frequently mocked the complaint about his microphone.");
        var r = Assert.Single(PolnearDataset.Map(a));
        Assert.Equal("frequently mocked", Cue(a, r));
    }

    [Fact]
    public void The_cue_takes_the_weekday_after_the_verb()
    {
        var a = En("The senator said Friday that the bill was dead.");
        var r = Assert.Single(PolnearDataset.Map(a));
        Assert.Equal("said Friday", Cue(a, r));
        Assert.Equal("that the bill was dead", Content(a, r));
    }

    [Fact]
    public void The_cue_takes_the_preposition_that_opens_a_summarized_content()
    {
        var a = En("The governor complained about the cost of the new stadium.");
        var r = Assert.Single(PolnearDataset.Map(a));
        Assert.Equal("complained about", Cue(a, r));
        Assert.Equal("the cost of the new stadium", Content(a, r));
    }

    [Fact]
    public void The_cue_takes_a_time_adverb_right_before_the_verb()
    {
        var a = En("The senator later said that the bill was dead.");
        var r = Assert.Single(PolnearDataset.Map(a));
        Assert.Equal("later said", Cue(a, r));
    }
}
