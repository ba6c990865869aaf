using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Attributions;

/// <summary>English attribution phenomena, one fixture each.</summary>
public class EnglishAttributionTests
{
    [Fact]
    public void Direct_quote_with_said_after_name()
    {
        var a = En("\"We will not back down,\" Smith said on Tuesday.");
        var x = a.AttributionWith("We will not back down");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Equal("said", a.CueText(x));
        Assert.Equal("Smith", a.SourceText(x));
        Assert.DoesNotContain(",", a.StringOf(x.Content));
    }

    [Fact]
    public void Direct_quote_with_inverted_said()
    {
        var a = En("“The vote is scheduled for Friday,” said Maria Lopez, a spokeswoman for the Treasury.");
        var x = a.AttributionWith("The vote is scheduled");
        Assert.Contains("Maria Lopez", a.SourceText(x));
        Assert.Equal("Maria Lopez", a.SourceEntity(x));
        Assert.NotNull(x.Source.Role);
        Assert.Equal("spokeswoman", a.StringOf(x.Source.Role!.Value));
    }

    [Fact]
    public void Told_with_medium_object()
    {
        var a = En("\"It is over,\" the senator told reporters in an interview.");
        var x = a.AttributionWith("It is over");
        Assert.Equal("told", a.CueText(x));
        Assert.Equal("the senator", a.SourceText(x));
        Assert.Equal("in an interview", a.MediumText(x));
    }

    [Fact]
    public void Indirect_that_clause()
    {
        var a = En("The governor said that the state would reopen schools in May.");
        var x = a.AttributionWith("the state would reopen schools");
        Assert.Equal(AttributionKind.Indirect, x.Kind);
        Assert.Equal("The governor", a.SourceText(x));
        Assert.True(x.Signals.HasFlag(SpeechSignals.ThatClause));
    }

    [Fact]
    public void Indirect_without_that()
    {
        var a = En("She said the administration expected a vote by June.");
        var x = a.AttributionWith("the administration expected a vote");
        Assert.Equal("She", a.SourceText(x));
        Assert.Single(a.Attributions);
    }

    [Fact]
    public void According_to_at_sentence_start()
    {
        var a = En("According to the Census Bureau, the population grew by 2 percent.");
        var x = a.AttributionWith("the population grew");
        Assert.Equal(AttributionKind.AccordingTo, x.Kind);
        Assert.Equal("According to", a.CueText(x));
        Assert.Equal("the Census Bureau", a.SourceText(x));
    }

    [Fact]
    public void According_to_at_sentence_end()
    {
        var a = En("Prices rose sharply in April, according to a new survey.");
        var x = a.AttributionWith("Prices rose sharply in April");
        Assert.Equal(SourceKind.Document, x.Source.Kind);
    }

    [Fact]
    public void Statement_is_a_medium()
    {
        var a = En("The ministry said in a statement that it had not been informed.");
        var x = a.AttributionWith("it had not been informed");
        Assert.Equal("in a statement", a.MediumText(x));
    }

    [Fact]
    public void As_reported_by_becomes_relay()
    {
        var a = En("\"This is not over,\" the mayor said, as the Boston Globe reported.");
        var x = a.AttributionWith("This is not over");
        Assert.Single(x.Relays);
    }

    [Fact]
    public void Vague_plural_source()
    {
        var a = En("Officials familiar with the talks said a deal could come next week.");
        var x = a.AttributionWith("a deal could come next week");
        Assert.Equal(SourceKind.Vague, x.Source.Kind);
    }

    [Fact]
    public void Pronoun_speaker_resolves_to_previous_speaker()
    {
        var a = En("\"We are ready,\" said Jane Carter. \"The plan is sound,\" she added.");
        var x = a.AttributionWith("The plan is sound");
        Assert.Equal("Jane Carter", a.SourceEntity(x));
    }

    [Fact]
    public void Beliefs_need_a_that_clause()
    {
        var a = En("The company expected a loss in the third quarter.");
        Assert.Empty(a.Attributions);
    }
}

public class EnglishAttributionStyleTests
{
    [Fact]
    public void Doubled_apostrophes_are_double_quotation_marks()
    {
        var a = En("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.");
        var x = a.AttributionWith("This isn't tax reform");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Contains("Douglas Holtz-Eakin", a.SourceText(x));
    }

    [Fact]
    public void Bare_apposition_between_subject_and_verb()
    {
        var a = En("The state's campaign chairman, Phil Lovas, said he cannot comment on the letter.");
        var x = a.AttributionWith("he cannot comment on the letter");
        Assert.Contains("Phil Lovas", a.SourceText(x));
    }

    [Fact]
    public void Relative_pronoun_speaks_for_its_noun()
    {
        var a = En("He refused to pay an architect who said he was stiffed.");
        var x = a.AttributionWith("he was stiffed");
        Assert.Equal("an architect", a.SourceText(x));
    }

    [Fact]
    public void Auxiliary_before_the_cue()
    {
        var a = En("Clinton was taken to her daughter's apartment, The Post has learned.");
        var x = a.AttributionWith("Clinton was taken to her daughter's apartment");
        Assert.Equal("The Post", a.SourceText(x));
    }

    [Fact]
    public void Parenthesis_after_the_speaker()
    {
        var a = En("\"It's a dog whistle,\" Rep. Gwen Moore (D-Wis.) said Friday.");
        var x = a.AttributionWith("It's a dog whistle");
        Assert.Contains("Gwen Moore", a.SourceText(x));
    }
}
