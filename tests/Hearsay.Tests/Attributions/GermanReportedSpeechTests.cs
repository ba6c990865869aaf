using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Attributions;

/// <summary>German reported speech without a verb of saying in the sentence (reportive "sollen", Konjunktiv
/// that continues a report) and speech acts told in the author's words; one phenomenon per fixture.</summary>
public class GermanReportedSpeechTests
{
    [Fact]
    public void Reportive_sollen_with_a_perfect_infinitive_reports_a_claim_without_a_source()
    {
        var a = De("Der Minister soll im Sommer Bestechungsgeld angenommen haben.");
        var x = a.AttributionWith("Bestechungsgeld angenommen haben");
        Assert.Equal(AttributionKind.Indirect, x.Kind);
        Assert.Equal("soll", a.CueText(x));
        Assert.Null(x.Source.Span);
    }

    [Fact]
    public void Sollen_of_a_plan_or_duty_reports_nothing()
    {
        var a = De("Die neue Brücke soll im Juni für den Verkehr freigegeben werden.");
        Assert.Empty(a.Attributions);
    }

    [Fact]
    public void Reportive_sollen_continues_the_previous_speaker()
    {
        var a = De("Die Polizei teilte mit, dass zwei Männer festgenommen worden seien. Sie sollen das Geld in einem Keller versteckt haben.");
        var x = a.AttributionWith("das Geld in einem Keller versteckt haben");
        Assert.True(x.Signals.HasFlag(SpeechSignals.Continued));
        Assert.Equal("Die Polizei", a.SourceText(x));
    }

    [Fact]
    public void An_old_spelling_of_the_konjunktiv_one_sey_continues_the_previous_speaker()
    {
        var a = De("Der Arzt sagte, der Kranke sei sehr müde. Das Fieber sey in der Nacht gestiegen.");
        var x = a.AttributionWith("Das Fieber sey in der Nacht gestiegen");
        Assert.True(x.Signals.HasFlag(SpeechSignals.Continued));
        Assert.Equal("Der Arzt", a.SourceText(x));
    }

    [Fact]
    public void A_konjunktiv_one_form_in_te_from_the_lexicon_continues_the_previous_speaker()
    {
        var a = De("Der Bahnsprecher sagte, der Zug sei entgleist. Das gelte auch für den zweiten Zug.");
        var x = a.AttributionWith("Das gelte auch für den zweiten Zug");
        Assert.True(x.Signals.HasFlag(SpeechSignals.Continued));
        Assert.Equal("Der Bahnsprecher", a.SourceText(x));
    }

    [Fact]
    public void The_weak_past_tense_in_te_is_the_authors_narration_not_free_indirect_speech()
    {
        var a = De("Der Bahnsprecher sagte, der Zug sei entgleist. Der Waggon brannte vollständig aus.");
        Assert.DoesNotContain(a.Attributions, x => a.StringOf(x.Content).Contains("Waggon"));
    }

    [Fact]
    public void A_characterization_without_a_quotation_is_a_reported_speech_act()
    {
        var a = De("Die Ministerin bezeichnete den Plan der Opposition als Irrweg.");
        var x = a.AttributionWith("den Plan der Opposition als Irrweg");
        Assert.Equal(AttributionKind.Reported, x.Kind);
        Assert.Equal("Die Ministerin", a.SourceText(x));
    }

    [Fact]
    public void A_reporting_verb_with_its_topic_is_a_reported_speech_act()
    {
        var a = De("Der Sender CNN berichtete von der Bergung zahlreicher Opfer.");
        var x = a.AttributionWith("von der Bergung zahlreicher Opfer");
        Assert.Equal(AttributionKind.Reported, x.Kind);
        Assert.Equal("Der Sender CNN", a.SourceText(x));
    }

    [Fact]
    public void A_separable_particle_written_apart_before_a_clause_final_verb_belongs_to_the_cue()
    {
        var a = De("Wie das Ministerium bekannt gab, werden drei Schulen geschlossen.");
        var x = a.AttributionWith("werden drei Schulen geschlossen");
        Assert.Equal("gab", a.StringOf(x.Cue));
        Assert.NotNull(x.CueParticle);
        Assert.Equal("bekannt", a.StringOf(x.CueParticle!.Value));
    }

    [Fact]
    public void A_zu_infinitive_after_an_announcement_is_its_content()
    {
        var a = De("Der Konzern kündigte an, sämtliche Schalter am Flughafen zu schließen.");
        var x = a.AttributionWith("sämtliche Schalter am Flughafen zu schließen");
        Assert.Equal(AttributionKind.Indirect, x.Kind);
        Assert.Equal("Der Konzern", a.SourceText(x));
    }

    [Fact]
    public void A_form_that_is_finite_and_participle_is_the_participle_after_an_auxiliary()
    {
        var a = De("Zuvor hatte die Gewerkschaft erklärt, dass die Lotsen ihre Arbeitszeit erreicht hätten.");
        var x = a.AttributionWith("die Lotsen ihre Arbeitszeit erreicht hätten");
        Assert.Equal("erklärt", a.StringOf(x.Cue));
        Assert.Equal("die Gewerkschaft", a.SourceText(x));
    }

    [Fact]
    public void A_demonstrative_and_a_pronominal_adverb_point_ahead_to_the_content()
    {
        var a = De("Das Gericht begründete dies damit, dass die Band eine Vereinigung gebildet habe.");
        var x = a.AttributionWith("die Band eine Vereinigung gebildet habe");
        Assert.Equal("Das Gericht", a.SourceText(x));
    }

    [Fact]
    public void The_subject_of_a_passive_speech_verb_is_no_source()
    {
        var a = De("Der Mann wird verdächtigt, einen Anschlag auf die Hauptstadt zu planen.");
        var x = a.AttributionWith("einen Anschlag auf die Hauptstadt zu planen");
        Assert.Null(x.Source.Span);
    }

    [Fact]
    public void A_speech_noun_carries_its_content_and_its_genitive_source()
    {
        var a = De("Die Forderung der Opposition, die Steuern zu senken, fand im Parlament keine Mehrheit.");
        var x = a.AttributionWith("die Steuern zu senken");
        Assert.Equal("Forderung", a.StringOf(x.Cue));
        Assert.Equal("der Opposition", a.SourceText(x));
        Assert.DoesNotContain("Mehrheit", a.StringOf(x.Content));
    }

    [Fact]
    public void The_intention_of_a_named_party_is_a_reported_speech_act()
    {
        var a = De("Die SPD will die Krankenversicherung zu einer Bürgerversicherung weiterentwickeln.");
        var x = a.AttributionWith("die Krankenversicherung zu einer Bürgerversicherung");
        Assert.Equal(AttributionKind.Reported, x.Kind);
        Assert.Equal("Die SPD", a.SourceText(x));
    }

    [Fact]
    public void Wollen_in_a_subordinate_clause_is_no_reported_intention()
    {
        var a = De("Die Preise steigen, weil die Händler mehr verdienen wollen.");
        Assert.DoesNotContain(a.Attributions, x => x.Kind == AttributionKind.Reported);
    }
}
