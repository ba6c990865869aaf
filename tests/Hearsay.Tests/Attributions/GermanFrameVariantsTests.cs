using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Attributions;

/// <summary>German frames in less common shapes (an apposition inside a "wie" clause, a perfect or bare passive
/// frame after the content, "nach" with an adverb or a relative clause) and runs of free indirect speech; one
/// phenomenon per fixture.</summary>
public class GermanFrameVariantsTests
{
    [Fact]
    public void Consecutive_konjunktiv_sentences_form_one_continued_report()
    {
        var a = De("Der Sprecher der Polizei sagte, die Lage sei ruhig. Am Abend habe es keine Festnahmen gegeben. Die Beamten seien mit vielen Kräften im Einsatz.");
        var x = a.AttributionWith("Am Abend habe es keine Festnahmen gegeben");
        Assert.True(x.Signals.HasFlag(SpeechSignals.Continued));
        Assert.Contains("Die Beamten seien mit vielen Kräften im Einsatz", a.StringOf(x.Content));
        Assert.Contains("Sprecher", a.SourceText(x));
    }

    [Fact]
    public void A_konjunktiv_sentence_in_the_next_paragraph_starts_a_new_continued_report()
    {
        var a = De("Der Sprecher der Polizei sagte, die Lage sei ruhig. Am Abend habe es keine Festnahmen gegeben.\n\nDie Beamten seien mit vielen Kräften im Einsatz.");
        var x = a.AttributionWith("Am Abend habe es keine Festnahmen gegeben");
        Assert.DoesNotContain("Die Beamten", a.StringOf(x.Content));
    }

    [Fact]
    public void A_wie_clause_whose_subject_has_an_apposition_frames_the_main_clause()
    {
        var a = De("Wie der Direktor des Amtes, Hans Berger, mitteilte, waren die Menschen nicht gewarnt worden.");
        var x = a.AttributionWith("waren die Menschen nicht gewarnt worden");
        Assert.Equal("mitteilte", a.CueText(x));
        Assert.Contains("Hans Berger", a.SourceText(x));
        Assert.DoesNotContain("mitteilte", a.StringOf(x.Content));
    }

    [Fact]
    public void The_source_of_a_wie_clause_ends_before_a_particle_written_apart()
    {
        var a = De("Wie das isländische Ministerium heute bekannt gab, wird Island den Walfang wieder aufnehmen.");
        var x = a.AttributionWith("wird Island den Walfang wieder aufnehmen");
        Assert.Equal("gab … bekannt", a.CueText(x));
        Assert.DoesNotContain("bekannt", a.SourceText(x));
        Assert.Contains("Ministerium", a.SourceText(x));
    }

    [Fact]
    public void Nach_with_an_adverb_before_the_source_phrase()
    {
        var a = De("Nach bisher unbestätigten Berichten wurde der Firma Einsicht in das Angebot gewährt.");
        var x = a.AttributionWith("wurde der Firma Einsicht in das Angebot gewährt");
        Assert.Equal(AttributionKind.AccordingTo, x.Kind);
        Assert.Contains("Berichten", a.SourceText(x));
    }

    [Fact]
    public void A_relative_clause_after_the_source_of_nach_is_not_content()
    {
        var a = De("Nach einer Hochrechnung des Senders, die auf den Ergebnissen aus 65 Prozent der Wahlbezirke beruht, entfallen 61 Prozent der Stimmen auf den Kandidaten.");
        var x = a.AttributionWith("entfallen 61 Prozent der Stimmen");
        Assert.DoesNotContain("beruht", a.StringOf(x.Content));
        Assert.StartsWith("entfallen", a.StringOf(x.Content));
    }

    [Fact]
    public void A_postposed_frame_in_the_perfect_has_its_subject_between_auxiliary_and_participle()
    {
        var a = De("Es drohe ein Wettrüsten, hatte der Präsident bei seinem Besuch in Moskau gesagt.");
        var x = a.AttributionWith("Es drohe ein Wettrüsten");
        Assert.Equal("gesagt", a.StringOf(x.Cue));
        Assert.Equal("der Präsident", a.SourceText(x));
        Assert.DoesNotContain("hatte", a.StringOf(x.Content));
    }

    [Fact]
    public void A_bare_passive_frame_after_the_content_names_no_source()
    {
        var a = De("Der Prozess könne ein halbes Jahr dauern, wird vermutet.");
        var x = a.AttributionWith("Der Prozess könne ein halbes Jahr dauern");
        Assert.Equal("vermutet", a.StringOf(x.Cue));
        Assert.Null(x.Source.Span);
    }

    [Fact]
    public void The_pluperfect_passive_of_a_speech_verb_reports_its_clause()
    {
        var a = De("Zunächst war vermutet worden, dass es sich um einen Einzeltäter handele.");
        var x = a.AttributionWith("dass es sich um einen Einzeltäter handele");
        Assert.Equal("vermutet", a.StringOf(x.Cue));
        Assert.Null(x.Source.Span);
    }
}
