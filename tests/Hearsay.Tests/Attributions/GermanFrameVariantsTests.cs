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

public class GermanRelativeAndParentheticalFrameTests
{
    [Fact]
    public void Wonach_gives_the_content_of_the_noun_before_it()
    {
        var a = De("Das Ministerium wies Pressemeldungen zurück, wonach die Inspektoren Zutritt zu zwei Anlagen verlangt hätten.");
        var x = a.AttributionWith("die Inspektoren Zutritt zu zwei Anlagen verlangt hätten");
        Assert.Equal("wonach", a.CueText(x));
        Assert.DoesNotContain("wonach", a.StringOf(x.Content));
    }

    [Fact]
    public void Nach_with_a_relative_pronoun_after_a_source_noun()
    {
        var a = De("Seit Wochen gibt es Gerüchte, nach denen der Sänger schwer krank sei.");
        var x = a.AttributionWith("der Sänger schwer krank sei");
        Assert.Equal("nach", a.CueText(x));
        Assert.Equal("denen", a.SourceText(x));
    }

    [Fact]
    public void Nach_dem_after_an_event_is_no_attribution()
    {
        var a = De("Das Werk stand nach einem Brand im Jahr 2007, nach dem es lange stillgelegt war, wieder still.");
        Assert.DoesNotContain(a.Attributions, x => a.CueText(x) == "nach");
    }

    [Fact]
    public void A_so_frame_in_the_middle_of_the_clause_splits_the_content()
    {
        var a = De("Das Problem sei vielmehr, so der Präsident, dass die Regierung das Gas durch Ethanol ersetzen wolle.");
        var x = a.AttributionWith("Das Problem sei vielmehr");
        Assert.Equal("der Präsident", a.SourceText(x));
        Assert.Contains("dass die Regierung das Gas durch Ethanol ersetzen wolle", a.StringOf(x.Content));
        Assert.Equal(2, x.ContentParts.Count);
    }

    [Fact]
    public void So_before_an_inverted_verb_in_the_middle_of_the_clause()
    {
        var a = De("In zehn Jahren, so schätzen die Forscher, soll die Forschung abgeschlossen sein.");
        var x = a.AttributionWith("soll die Forschung abgeschlossen sein");
        Assert.Equal("schätzen", a.CueText(x));
        Assert.Equal("die Forscher", a.SourceText(x));
        Assert.Contains("In zehn Jahren", a.StringOf(x.Content));
    }

    [Fact]
    public void Nach_with_a_possessive_before_the_source_noun()
    {
        var a = De("Nach seinen Worten fehle es an einem Konzept gegen die Gewalt.");
        var x = a.AttributionWith("fehle es an einem Konzept gegen die Gewalt");
        Assert.Equal(AttributionKind.AccordingTo, x.Kind);
    }

    [Fact]
    public void A_wie_clause_with_an_adverb_before_its_subject()
    {
        var a = De("Wie schon die Gesundheitsbehörde sagte, ist eine Ansteckung im Park unwahrscheinlich.");
        var x = a.AttributionWith("ist eine Ansteckung im Park unwahrscheinlich");
        Assert.Equal("sagte", a.CueText(x));
        Assert.Equal("die Gesundheitsbehörde", a.SourceText(x));
    }
}

public class GermanUnframedSubjunctiveTests
{
    [Fact]
    public void A_konjunktiv_sentence_with_no_report_in_reach_is_reported_speech_without_a_source()
    {
        var a = De("Die Börsen in Asien brachen am Montag ein.\n\nZur Panik gebe es aber keinen Anlass für die Anleger.");
        var x = a.AttributionWith("Zur Panik gebe es aber keinen Anlass");
        Assert.Equal(AttributionKind.Indirect, x.Kind);
        Assert.True(x.Cue.IsEmpty);
        Assert.Null(x.Source.Span);
    }

    [Fact]
    public void An_indicative_sentence_with_no_report_in_reach_is_no_attribution()
    {
        var a = De("Die Börsen in Asien brachen am Montag ein.\n\nZur Panik gibt es aber keinen Anlass für die Anleger.");
        Assert.Empty(a.Attributions);
    }

    [Fact]
    public void A_run_of_unframed_konjunktiv_sentences_is_one_attribution()
    {
        var a = De("Die Börsen in Asien brachen am Montag ein.\n\nZur Panik gebe es keinen Anlass. Die Banken seien gut gerüstet.");
        var x = a.AttributionWith("Zur Panik gebe es keinen Anlass");
        Assert.Contains("Die Banken seien gut gerüstet", a.StringOf(x.Content));
    }
}

public class GermanColonQuoteTests
{
    [Fact]
    public void A_quoted_sentence_after_a_colon_without_a_verb_of_saying_belongs_to_the_named_subject()
    {
        var a = De("Der Abgeordnete Jürgen Koppelin wörtlich: „Sie ziehen den Bürgern das Geld aus der Tasche, wo immer sie können.“");
        var x = a.AttributionWith("Sie ziehen den Bürgern das Geld aus der Tasche");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Contains("Koppelin", a.SourceText(x));
    }

    [Fact]
    public void A_quoted_sentence_after_a_colon_and_a_topic_has_no_speaker()
    {
        var a = De("Die Lage am Morgen: „Die Straßen sind leer und die Geschäfte bleiben geschlossen.“");
        Assert.DoesNotContain(a.Attributions, x => x.Source.Span is not null);
    }
}

public class GermanFramedSubjunctiveTests
{
    [Fact]
    public void A_speech_verb_before_the_comma_frames_a_konjunktiv_clause_whose_subject_the_rules_missed()
    {
        var a = De("Die Kurse fielen am Montag.\n\nDiese glaubten, er sei inzwischen verstorben.");
        var x = a.AttributionWith("er sei inzwischen verstorben");
        Assert.Equal("glaubten", a.StringOf(x.Cue));
        Assert.DoesNotContain("glaubten", a.StringOf(x.Content));
    }
}
