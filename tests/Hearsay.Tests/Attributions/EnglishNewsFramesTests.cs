using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Attributions;

/// <summary>English frames of political news (the error classes of PolNeAR's dev split), one fixture each.</summary>
public class EnglishNewsFramesTests
{
    [Fact]
    public void A_cue_noun_before_a_verb_is_the_subject_not_a_verb()
    {
        // "report" is a cue form, but after "the" it is the noun that says
        var a = En("\"The company has 987 subsidiaries in tax havens,\" the report says.");
        var x = a.AttributionWith("The company has 987 subsidiaries");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Equal("says", a.CueText(x));
        Assert.Equal("the report", a.SourceText(x));
    }

    [Fact]
    public void A_frame_in_the_next_paragraph_does_not_frame_the_quote_before_it()
    {
        var a = En("\"We were surprised by the numbers,\" said Caddell. \"There were two polls yesterday.\"\n\nCaddell continued: \"The health issue is a partisan issue.\"");
        var second = a.AttributionWith("There were two polls yesterday.");
        Assert.Equal("said", a.CueText(second));
        var third = a.AttributionWith("The health issue is a partisan issue.");
        Assert.Equal("continued", a.CueText(third));
    }

    [Fact]
    public void Parenthetical_frame_splits_the_content()
    {
        var a = En("The museum, Mr. Bush said, celebrated several of his heroes.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("Mr. Bush", a.SourceText(x));
        Assert.Equal(new[] { "The museum", "celebrated several of his heroes" }, x.ContentParts.Select(a.StringOf).ToArray());
    }

    [Fact]
    public void Parenthetical_frame_after_a_short_adverb()
    {
        var a = En("Perhaps, he said, the law could help the poorest families.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal(new[] { "Perhaps", "the law could help the poorest families" }, x.ContentParts.Select(a.StringOf).ToArray());
    }

    [Fact]
    public void Closing_frame_with_a_participle_clause_is_not_parenthetical()
    {
        var a = En("The plan will fail, he said, adding that the vote was close.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("The plan will fail", a.StringOf(x.Content));
    }

    [Fact]
    public void Reporting_verb_with_an_object_summarizes_a_statement()
    {
        var a = En("Clinton cited derogatory comments the candidate had made about her.");
        var x = a.Attributions.Single(t => a.CueText(t) == "cited");
        Assert.Equal("Clinton", a.SourceText(x));
        Assert.Contains("derogatory comments the candidate had made", a.StringOf(x.Content));
    }

    [Fact]
    public void Characterizing_verb_without_quotation_summarizes_in_english()
    {
        var a = En("Trump has called climate change a hoax.");
        var x = a.Attributions.Single(t => a.CueText(t) == "called");
        Assert.Equal(AttributionKind.Reported, x.Kind);
        Assert.Equal("Trump", a.SourceText(x));
    }

    [Fact]
    public void Summary_ends_at_the_clause_and_a_cue_noun_inside_it_does_not_stop_it()
    {
        var a = En("Donald Trump is demanding President Barack Obama make a pledge not to pardon her, who has not been charged.");
        var x = a.Attributions.Single(t => a.CueText(t) == "demanding");
        Assert.Equal("Donald Trump", a.SourceText(x));
        Assert.EndsWith("not to pardon her", a.StringOf(x.Content));
    }

    [Fact]
    public void Question_verb_with_an_object_summarizes()
    {
        var a = En("Clinton supporters have also questioned the health of Donald Trump.");
        var x = a.Attributions.Single(t => a.CueText(t) == "questioned");
        Assert.Equal("Clinton supporters", a.SourceText(x));
    }

    [Fact]
    public void Attitude_verbs_of_the_lexicon_are_cues()
    {
        var a = En("Rival Hillary Clinton had mocked the complaint. Trump charges that the donors bought access.");
        Assert.Contains(a.Attributions, t => a.CueText(t) == "mocked");
        var x = a.AttributionWith("the donors bought access");
        Assert.Equal("Trump", a.SourceText(x));
    }

    [Fact]
    public void According_to_at_the_start_ends_its_source_at_the_comma()
    {
        var a = En("According to exit polls, Mitt Romney had a ten-point lead among the group.");
        var x = a.Attributions.Single(t => a.CueText(t) == "According to");
        Assert.Equal("exit polls", a.SourceText(x));
        Assert.StartsWith("Mitt Romney had", a.StringOf(x.Content));
    }

    [Fact]
    public void According_to_source_runs_to_the_end_of_its_phrase()
    {
        var a = En("Police have no plans to release the recordings, according to attorneys for the family.");
        var x = a.Attributions.Single(t => a.CueText(t) == "According to" || a.CueText(t) == "according to");
        Assert.Equal("attorneys for the family", a.SourceText(x));
        Assert.Equal("Police have no plans to release the recordings", a.StringOf(x.Content));
    }

    [Fact]
    public void According_to_in_the_middle_splits_the_content_without_the_conjunction()
    {
        var a = En("The top 1 percent paid 25 percent of all taxes, according to the Congressional Budget Office, and the top 10 percent paid 69 percent.");
        var x = a.Attributions.Single(t => a.CueText(t) == "according to");
        Assert.Equal("the Congressional Budget Office", a.SourceText(x));
        Assert.Equal(new[] { "The top 1 percent paid 25 percent of all taxes", "the top 10 percent paid 69 percent" }, x.ContentParts.Select(a.StringOf).ToArray());
    }

    [Fact]
    public void Told_CNN_names_the_addressee_not_the_content()
    {
        var a = En("Kaine told CNN on Sunday that the debate would be decisive.");
        var x = a.AttributionWith("the debate would be decisive");
        Assert.Equal("Kaine", a.SourceText(x));
        Assert.Equal("that the debate would be decisive", a.StringOf(x.Content));
    }

    [Fact]
    public void Told_a_bare_addressee_then_a_clause()
    {
        var a = En("Trump told reporters the economy was rigged.");
        var x = a.Attributions.Single(t => a.CueText(t) == "told");
        Assert.Equal("the economy was rigged", a.StringOf(x.Content));
    }

    [Fact]
    public void Relative_clause_after_the_source_belongs_to_it()
    {
        var a = En("McConnell, who has led the Senate since 2015, said the bill was dead.");
        var x = a.AttributionWith("the bill was dead");
        Assert.Equal("McConnell, who has led the Senate since 2015", a.SourceText(x));
    }

    [Fact]
    public void Said_in_a_statement_is_the_medium()
    {
        var a = En("\"We will appeal,\" the campaign said in a statement.");
        var x = a.AttributionWith("We will appeal");
        Assert.Equal("the campaign", a.SourceText(x));
        Assert.Equal("in a statement", a.MediumText(x));
    }

    [Fact]
    public void Participle_clause_in_commas_is_not_part_of_the_source()
    {
        var a = En("Trump, speaking to a veterans group in Virginia, said he would order a review.");
        var x = a.AttributionWith("he would order a review");
        Assert.Equal("Trump", a.SourceText(x));
    }

    [Fact]
    public void Inverted_source_keeps_its_party_label_and_role()
    {
        var a = En("\"This is a disgusting day,\" said Rep. Gregory Butterfield (D-N.C.), head of the Congressional Black Caucus.");
        var x = a.AttributionWith("This is a disgusting day");
        Assert.Equal("Rep. Gregory Butterfield (D-N.C.), head of the Congressional Black Caucus", a.SourceText(x));
    }

    [Fact]
    public void Inverted_source_keeps_a_closing_description()
    {
        var a = En("\"Turnout makes a difference,\" said Charlie King, a prominent New York Democrat.");
        var x = a.AttributionWith("Turnout makes a difference");
        Assert.Equal("Charlie King, a prominent New York Democrat", a.SourceText(x));
    }

    [Fact]
    public void Characterizing_verb_with_a_quotation_takes_its_object_too()
    {
        var a = En("Clinton called half of his supporters \u201cdeplorables.\u201d");
        var x = a.Attributions.Single(t => a.CueText(t) == "called");
        Assert.Equal(AttributionKind.Mixed, x.Kind);
        Assert.Equal("half of his supporters \u201cdeplorables.\u201d", a.StringOf(x.Content));
    }

    [Fact]
    public void Speech_noun_with_a_possessive_source_and_a_that_clause()
    {
        var a = En("Politifact checked Donald Trump's claim that there have been thousands of shootings in Chicago this year.");
        var x = a.AttributionWith("there have been thousands of shootings");
        Assert.Equal("claim", a.CueText(x));
        Assert.Equal("Donald Trump's", a.SourceText(x));
        Assert.StartsWith("that there have been", a.StringOf(x.Content));
    }

    [Fact]
    public void Speech_noun_with_a_relative_that_is_no_cue()
    {
        var a = En("Reporters examined his claim that he made.");
        Assert.DoesNotContain(a.Attributions, t => a.CueText(t) == "claim");
    }

    [Fact]
    public void Promise_noun_takes_a_to_infinitive()
    {
        var a = En("His promises to cut taxes for the middle class were repeated on Friday.");
        var x = a.Attributions.Single(t => a.CueText(t) == "promises");
        Assert.Equal("His", a.SourceText(x));
        Assert.StartsWith("to cut taxes", a.StringOf(x.Content));
    }

    [Fact]
    public void Content_ends_before_the_authors_contrast()
    {
        var a = En("Officials said Romney had a ten-point lead among the group, but he still lost the election.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("Romney had a ten-point lead among the group", a.StringOf(x.Content));
    }

    [Fact]
    public void Content_ends_before_a_participle_clause_of_the_frame()
    {
        var a = En("Trump mocked the complaint about the microphone, saying anybody who complains is not having a good night.");
        var x = a.Attributions.Single(t => a.CueText(t) == "mocked");
        Assert.DoesNotContain("saying", a.StringOf(x.Content));
        Assert.Contains(a.Attributions, t => a.CueText(t) == "saying");
    }

    [Fact]
    public void Content_ends_before_a_new_clause_with_its_own_cue()
    {
        var a = En("The president said the test was a grave threat, and he urged North Korea to resume talks.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("the test was a grave threat", a.StringOf(x.Content));
    }

    [Fact]
    public void A_relative_clause_inside_the_content_stays()
    {
        var a = En("The senator said the bill, which passed in May, was dead.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("the bill, which passed in May, was dead", a.StringOf(x.Content));
    }

    [Fact]
    public void It_with_an_active_verb_is_an_organizational_source()
    {
        var a = En("The city sent a letter on Thursday. It says the campaign violated federal law.");
        var x = a.AttributionWith("the campaign violated federal law");
        Assert.Equal("It", a.SourceText(x));
        Assert.Equal(SourceKind.Organization, x.Source.Kind);
    }

    [Fact]
    public void Expletive_it_in_the_passive_is_no_source()
    {
        var a = En("It was reported that the talks had failed.");
        Assert.DoesNotContain(a.Attributions, t => a.SourceText(t) == "It");
    }

    [Fact]
    public void Frame_inside_a_relative_clause()
    {
        var a = En("The police showed his hands, which he said were at his side when he was shot.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("he", a.SourceText(x));
        Assert.Equal(new[] { "which", "were at his side when he was shot" }, x.ContentParts.Select(a.StringOf).ToArray());
    }

    [Fact]
    public void Frame_after_a_preposition_and_a_relative()
    {
        var a = En("Critics seized upon the interview, in which he said he was skeptical of the intelligence officials.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("he", a.SourceText(x));
        Assert.Equal("he was skeptical of the intelligence officials", a.StringOf(x.Content));
    }

    [Fact]
    public void Participle_after_a_quote_frame_keeps_its_speaker()
    {
        var a = En("\u201cIt is getting worse every day,\u201d he said, adding that the rules had changed.");
        var x = a.AttributionWith("the rules had changed");
        Assert.Equal("adding", a.CueText(x));
        Assert.Equal("he", a.SourceText(x));
    }

    [Fact]
    public void Colon_closing_a_paragraph_frames_the_next_paragraph()
    {
        var a = En("Limbaugh added:\n\nThis reeks of the greatest fear in the campaign. She knows nothing about it.\n\nThe show went on.");
        var x = a.Attributions.Single(t => a.CueText(t) == "added");
        Assert.Equal("Limbaugh", a.SourceText(x));
        Assert.Equal("This reeks of the greatest fear in the campaign. She knows nothing about it.", a.StringOf(x.Content));
    }

    [Fact]
    public void Colon_closing_a_paragraph_frames_the_quotation_after_it()
    {
        var a = En("Caddell continued:\n\n\u201cThe health issue overall is very much a partisan issue.\u201d");
        var x = a.AttributionWith("The health issue overall");
        Assert.Equal("continued", a.CueText(x));
        Assert.Equal("Caddell", a.SourceText(x));
    }

    [Fact]
    public void Belief_verb_with_an_object_only_is_no_report()
    {
        var a = En("The company expected a vote.");
        Assert.Empty(a.Attributions);
    }

    [Fact]
    public void Ruling_verb_reports_its_that_clause()
    {
        var a = En("The appeals court ruled that the state's practices could remove eligible voters.");
        var x = a.Attributions.Single(t => a.CueText(t) == "ruled");
        Assert.Equal("The appeals court", a.SourceText(x));
    }

    [Fact]
    public void Told_at_the_very_end_of_a_text_is_safe()
    {
        var a = En("She said that she told them");
        Assert.NotNull(a.Attributions);
        var b = En("He told reporters");
        Assert.NotNull(b.Attributions);
    }

    [Fact]
    public void Title_with_an_outlet_and_a_colon()
    {
        var a = En("Reuters: Donald Trump Is Right About Shootings in Chicago\n\nThe agency looked at the numbers.");
        var x = a.Attributions.Single(t => a.CueText(t) == ":");
        Assert.Equal("Reuters", a.SourceText(x));
    }

    [Fact]
    public void Names_joined_by_a_slash_stay_in_the_source()
    {
        var a = En("The Reuters/Ipsos poll showed that the senator was doing better in Ohio.");
        var x = a.Attributions.Single(t => a.CueText(t) == "showed");
        Assert.Equal("The Reuters/Ipsos poll", a.SourceText(x));
    }

    [Fact]
    public void Plural_role_with_a_common_noun_attachment_is_a_postposed_source()
    {
        var a = En("The parents watched the video on Thursday, attorneys for the family said.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("attorneys for the family", a.SourceText(x));
        Assert.Equal("The parents watched the video on Thursday", a.StringOf(x.Content));
    }

    [Fact]
    public void A_word_in_ly_after_an_article_is_the_subject_noun_not_an_adverb()
    {
        var a = En("The family said the police had not shown them the video.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("The family", a.SourceText(x));
        // an adverb in -ly after the subject still stays out of it
        var b = En("The state incorrectly stated that the video was lost.");
        Assert.Equal("The state", b.SourceText(b.Attributions.Single(t => b.CueText(t) == "stated")));
    }

    [Fact]
    public void Content_ends_before_but_opening_the_speakers_next_predicate()
    {
        var a = En("Demonstrators said they want a fair trial but pledged to remain peaceful.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("they want a fair trial", a.StringOf(x.Content));
    }

    [Fact]
    public void Noun_phrase_content_ends_before_and_with_a_second_predicate()
    {
        var a = En("The White House has promised a veto and attempted to persuade members of both parties.");
        var x = a.Attributions.Single(t => a.CueText(t) == "promised");
        Assert.Equal("a veto", a.StringOf(x.Content));
        // a reported clause keeps its own coordinated predicates
        var b = En("The adviser said that the remark agitated the candidate and exposed a clear weakness.");
        var y = b.Attributions.Single(t => b.CueText(t) == "said");
        Assert.Equal("that the remark agitated the candidate and exposed a clear weakness", b.StringOf(y.Content));
    }

    [Fact]
    public void Commitment_verb_with_a_to_infinitive_reports_it_from_to_on()
    {
        var a = En("The senator vowed to form a joint task force on cyber attacks.");
        var x = a.Attributions.Single(t => a.CueText(t) == "vowed");
        Assert.Equal("The senator", a.SourceText(x));
        Assert.Equal("to form a joint task force on cyber attacks", a.StringOf(x.Content));
        // a refusal, marked "to" in the lexicon too
        var b = En("The governor refuses to release his tax records.");
        Assert.Equal("to release his tax records", b.StringOf(b.Attributions.Single(t => b.CueText(t) == "refuses").Content));
    }

    [Fact]
    public void Addressee_and_to_infinitive_are_the_content_of_urge_and_call_on()
    {
        var a = En("The senator urged fellow Republicans to join the ranks of climate scientists.");
        var x = a.Attributions.Single(t => a.CueText(t) == "urged");
        Assert.Equal("The senator", a.SourceText(x));
        Assert.Equal("fellow Republicans to join the ranks of climate scientists", a.StringOf(x.Content));
        var b = En("The family called on people to protest peacefully.");
        var y = b.Attributions.Single(t => b.CueText(t).StartsWith("called"));
        Assert.Equal("people to protest peacefully", b.StringOf(y.Content));
    }

    [Fact]
    public void A_possessive_before_a_noun_opens_the_source_phrase()
    {
        var a = En("His spokesman said the plan was dead.");
        Assert.Equal("His spokesman", a.SourceText(a.Attributions.Single(t => a.CueText(t) == "said")));
        var b = En("The plan is dead, her campaign said.");
        Assert.Equal("her campaign", b.SourceText(b.Attributions.Single(t => b.CueText(t) == "said")));
        // an object pronoun stays the addressee
        var c = En("He told her the plan was dead.");
        var x = c.Attributions.Single(t => c.CueText(t) == "told");
        Assert.Equal("He", c.SourceText(x));
        Assert.Equal("the plan was dead", c.StringOf(x.Content));
    }

    [Fact]
    public void A_group_noun_keeps_its_bare_plural_in_the_source()
    {
        var a = En("A group of doctors said the candidate was in good health.");
        var x = a.Attributions.Single(t => a.CueText(t) == "said");
        Assert.Equal("A group of doctors", a.SourceText(x));
    }

    [Fact]
    public void In_a_poll_before_a_comma_attributes_the_clause_to_the_poll()
    {
        var a = En("In the latest national poll, the governor leads by four points.");
        var x = a.Attributions.Single(t => a.CueText(t) == "In");
        Assert.Equal("the latest national poll", a.SourceText(x));
        Assert.Equal("the governor leads by four points", a.StringOf(x.Content));
        // a verb of saying in the sentence is the cue instead
        var b = En("In a statement, the senator said the plan was dead.");
        Assert.DoesNotContain(b.Attributions, t => b.CueText(t) == "In");
    }
}
