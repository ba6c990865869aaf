using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Attributions;

/// <summary>English error classes found on PolNeAR's dev split, one invented fixture each.</summary>
public class EnglishAttributionClassesTests
{
    [Fact]
    public void Bare_role_apposition_before_told_keeps_the_speaker_and_the_medium_apart()
    {
        var a = En("\"Prices will rise,\" Elena Castro, head of the cooperative, told Reuters.");
        var x = a.AttributionWith("Prices will rise");
        Assert.Equal("told", a.CueText(x));
        Assert.Equal("Elena Castro, head of the cooperative", a.SourceText(x));
        Assert.Equal("Reuters", a.MediumText(x));
    }

    [Fact]
    public void An_apposed_speaker_closing_the_sentence_frames_the_unquoted_clause_before_it()
    {
        var a = En("The mill will close in May, the head of its union, Tom Baker, told the Daily Courier newspaper in an interview published on Monday.");
        var x = a.AttributionWith("The mill will close in May");
        Assert.Equal("told", a.CueText(x));
        Assert.Equal("the head of its union, Tom Baker", a.SourceText(x));
        Assert.StartsWith("the Daily Courier newspaper", a.MediumText(x));
    }

    [Fact]
    public void An_intention_ends_before_the_frame_that_reports_the_whole_sentence()
    {
        var a = En("The city plans to sell the stadium next year, the mayor's spokesman, Ken Lowe, said.");
        var plan = Assert.Single(a.Attributions, y => a.CueText(y) == "plans");
        Assert.Equal("to sell the stadium next year", a.Slice(plan.Content).ToString());
        var said = Assert.Single(a.Attributions, y => a.CueText(y) == "said");
        Assert.Equal("the mayor's spokesman, Ken Lowe", a.SourceText(said));
    }

    [Fact]
    public void Told_after_a_comma_names_the_addressee_not_the_speaker()
    {
        var a = En("The harvest was poor this year, the farmer told Reuters.");
        var x = a.AttributionWith("The harvest was poor");
        Assert.Equal("the farmer", a.SourceText(x));
        Assert.DoesNotContain(a.Attributions, y => a.SourceText(y) == "Reuters");
    }

    [Fact]
    public void Apposition_with_a_relative_clause_after_an_inverted_cue()
    {
        var a = En("\"It will pass,\" said Luis Rubio, who heads a research center in Mexico City.");
        var x = a.AttributionWith("It will pass");
        Assert.StartsWith("Luis Rubio, who heads", a.SourceText(x));
    }

    [Fact]
    public void As_first_reported_by_names_the_agent_as_relay()
    {
        var a = En("\"The minister will resign,\" the mayor said, as first reported by The Local.");
        var x = a.AttributionWith("The minister will resign");
        Assert.Equal("the mayor", a.SourceText(x));
        var relay = Assert.Single(x.Relays);
        Assert.Equal("The Local", a.StringOf(relay.Name!.Value));
    }

    [Fact]
    public void As_first_reported_by_without_a_speaker_makes_the_agent_the_source()
    {
        var a = En("The minister will resign, as first reported by The Local.");
        var x = a.AttributionWith("The minister will resign");
        Assert.Equal("The Local", a.SourceText(x));
    }

    [Fact]
    public void Progressive_cue_after_a_form_of_be()
    {
        var a = En("Donald Trump is stressing the need to protect the grid.");
        var x = a.AttributionWith("the need to protect the grid");
        Assert.Equal("stressing", a.CueText(x));
        Assert.Equal("Donald Trump", a.SourceText(x));
    }

    [Fact]
    public void Question_verb_with_a_wh_clause()
    {
        var a = En("At a rally in Tampa, the candidate questioned why the polls had moved.");
        var x = a.AttributionWith("why the polls had moved");
        Assert.Equal("questioned", a.CueText(x));
        Assert.Equal("the candidate", a.SourceText(x));
    }

    [Fact]
    public void Coordinated_subject_before_said()
    {
        var a = En("Federal and state officials said the developers raised $350 million.");
        var x = a.AttributionWith("the developers raised");
        Assert.Equal("said", a.CueText(x));
        Assert.Equal("Federal and state officials", a.SourceText(x));
        Assert.Single(a.Attributions);
    }

    [Fact]
    public void A_cue_form_used_as_a_noun_starts_the_reported_clause()
    {
        var a = En("The mayor said praise from the governor would not change her plans.");
        var x = a.AttributionWith("would not change her plans");
        Assert.Equal("said", a.CueText(x));
        Assert.Equal("The mayor", a.SourceText(x));
        Assert.StartsWith("praise from", a.StringOf(x.Content));
        Assert.Single(a.Attributions);
    }

    [Fact]
    public void A_cue_form_after_an_article_is_the_head_of_the_subject()
    {
        var a = En("The report shows that rents rose by a third.");
        var x = a.AttributionWith("rents rose by a third");
        Assert.Equal("shows", a.CueText(x));
        Assert.Equal("The report", a.SourceText(x));
    }

    [Fact]
    public void Saying_that_keeps_that_in_the_content()
    {
        var a = En("The senator defended the bill, saying that it would lower costs.");
        var x = a.AttributionWith("it would lower costs");
        Assert.Equal("that it would lower costs", a.StringOf(x.Content));
        Assert.Equal("The senator", a.SourceText(x));
    }

    [Fact]
    public void Title_case_headline_verb_is_a_cue()
    {
        var a = En("Clean Energy Could Help Farmers, Senator Jane Roe Says\n\nThe senator spoke on Monday in Ohio.");
        var x = a.AttributionWith("Clean Energy Could Help Farmers");
        Assert.Equal("Says", a.CueText(x));
        Assert.Equal("Senator Jane Roe", a.SourceText(x));
    }

    [Fact]
    public void Capitalized_verbs_outside_a_title_case_headline_are_no_cues()
    {
        var a = En("The Senate Will Tell the story of the bill, a museum guide wrote in a blog post.");
        Assert.DoesNotContain(a.Attributions, x => a.CueText(x) == "Tell");
    }

    [Fact]
    public void Intention_with_want_and_an_infinitive()
    {
        var a = En("The campaign wants to send the former president to Florida.");
        var x = a.AttributionWith("to send the former president to Florida");
        Assert.Equal("wants", a.CueText(x));
        Assert.Equal("The campaign", a.SourceText(x));
    }

    [Fact]
    public void Want_with_an_object_is_no_intention_report()
    {
        var a = En("I want you to know the plan.");
        Assert.Empty(a.Attributions);
    }

    [Fact]
    public void State_as_a_noun_is_no_cue()
    {
        var a = En("The New York state attorney general is confirming that the charity is not registered.");
        var x = a.AttributionWith("the charity is not registered");
        Assert.Equal("confirming", a.CueText(x));
        Assert.Equal("The New York state attorney general", a.SourceText(x));
        Assert.Single(a.Attributions);
    }

    [Fact]
    public void A_study_finding_needs_no_that()
    {
        var a = En("The study found the tax plan would raise taxes on eight million families.");
        var x = a.AttributionWith("the tax plan would raise taxes");
        Assert.Equal("found", a.CueText(x));
        Assert.Equal("The study", a.SourceText(x));
    }

    [Fact]
    public void Polnear_mapping_leaves_the_final_period_out_of_a_summarized_act()
    {
        var a = En("The Green Party demanded a recount of the votes.");
        var x = a.AttributionWith("a recount of the votes");
        Assert.Equal(AttributionKind.Reported, x.Kind);
        var r = Assert.Single(Hearsay.Eval.PolNeAR.PolnearDataset.Map(a));
        Assert.Equal("a recount of the votes", string.Concat(r.Content!.Parts.Select(p => a.Text[p.Start..p.End])));
    }

    [Fact]
    public void Saying_after_an_introductory_phrase_takes_the_main_clause_subject()
    {
        var a = En("Meanwhile, the union attacked the mayor, saying he had broken his promise.");
        var x = a.AttributionWith("he had broken his promise");
        Assert.Equal("saying", a.CueText(x));
        Assert.Equal("the union", a.SourceText(x));
    }

    [Fact]
    public void By_telling_them_that_leaves_the_addressee_out_of_the_content()
    {
        var a = En("The governor courted the farmers by telling them that prices would recover.");
        var x = a.AttributionWith("prices would recover");
        Assert.Equal("that prices would recover", a.StringOf(x.Content));
        Assert.Equal("The governor", a.SourceText(x));
    }

    [Fact]
    public void Passive_with_its_agent_names_the_agent_as_source()
    {
        var a = En("The registration issue was first reported by The Washington Post.");
        var x = a.AttributionWith("The registration issue");
        Assert.Equal("The Washington Post", a.SourceText(x));
        Assert.Equal("was first reported … by", a.CueText(x));
    }

    [Fact]
    public void Summarized_demand_of_an_acronym_subject()
    {
        var a = En("In July, the NAACP called for a moratorium on charter schools.");
        var x = a.AttributionWith("a moratorium on charter schools");
        Assert.Equal("the NAACP", a.SourceText(x));
        Assert.Equal(AttributionKind.Reported, x.Kind);
    }

    [Fact]
    public void Subordinate_clause_subject_after_when()
    {
        var a = En("The crowd cheered when she said that the plant would stay open.");
        var x = a.AttributionWith("the plant would stay open");
        Assert.Equal("she", a.SourceText(x));
    }

    [Fact]
    public void Polnear_mapping_takes_modals_negation_and_adverbs_into_the_cue()
    {
        var a = En("The senator has long said that the tax code is unfair.");
        var r = Assert.Single(Hearsay.Eval.PolNeAR.PolnearDataset.Map(a));
        Assert.Equal("has long said", string.Join(" ", r.Cue!.Parts.Select(p => a.Text[p.Start..p.End])));
    }

    [Fact]
    public void Polnear_mapping_leaves_out_statements_quoted_inside_a_quotation()
    {
        var a = En("\"The voters know it, and I think that the polls will show it soon,\" the governor said on Monday.");
        Assert.Contains(a.Attributions, x => a.CueText(x) == "think");   // Hearsay keeps the nested statement
        var r = Assert.Single(Hearsay.Eval.PolNeAR.PolnearDataset.Map(a));
        Assert.Equal("said", string.Join(" ", r.Cue!.Parts.Select(p => a.Text[p.Start..p.End])));
    }

    [Fact]
    public void Party_and_state_in_parentheses_do_not_end_the_sentence()
    {
        var a = En("However, Rep. Stephen Lynch (D-Mass.) said the law does not require it.");
        var x = a.AttributionWith("the law does not require it");
        Assert.Equal("Rep. Stephen Lynch (D-Mass.)", a.SourceText(x));
        Assert.True(a.Tokens.First(t => a.Text.Substring(t.Start, t.Length).StartsWith("D-Mass", StringComparison.Ordinal)).Has(TokenFlags.Abbreviation));
    }

    [Fact]
    public void Name_with_a_parenthesis_and_an_apposition_before_said()
    {
        var a = En("Rep. Gregory W. Meeks (D-N.Y.), chairman of the caucus fund, said members will help him.");
        var x = a.AttributionWith("members will help him");
        Assert.Equal("Rep. Gregory W. Meeks (D-N.Y.), chairman of the caucus fund", a.SourceText(x));
    }

    [Fact]
    public void Name_with_several_apposed_segments_before_said()
    {
        var a = En("Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam.");
        var x = a.AttributionWith("he had fought in Vietnam");
        Assert.Equal("Johnnie Wilson, of Springfield, Va.", a.SourceText(x));
    }

    [Fact]
    public void Name_with_an_apposition_in_dashes_before_said()
    {
        var a = En("Kall -- co-editor of a book on the primary debates -- said the candidate liked surprises.");
        var x = a.AttributionWith("the candidate liked surprises");
        Assert.StartsWith("Kall -- co-editor", a.SourceText(x));
    }

    [Fact]
    public void Negated_contracted_auxiliary_and_a_whether_clause()
    {
        var a = En("The nominee and his aides haven't said whether he will attend.");
        var x = a.AttributionWith("whether he will attend");
        Assert.Equal("The nominee and his aides", a.SourceText(x));
        Assert.Equal("whether he will attend", a.StringOf(x.Content));
    }

    [Fact]
    public void Adverb_before_the_cue_is_not_part_of_the_subject()
    {
        var a = En("The state incorrectly stated that the rolls were clean.");
        var x = a.AttributionWith("the rolls were clean");
        Assert.Equal("The state", a.SourceText(x));
    }

    [Fact]
    public void A_possessive_noun_after_a_quotation_is_no_frame()
    {
        var a = En("\"We will not do it.\" Trump’s comments, which came during an answer, drew scrutiny.");
        Assert.DoesNotContain(a.Attributions, x => a.CueText(x) == "comments");
    }
}
