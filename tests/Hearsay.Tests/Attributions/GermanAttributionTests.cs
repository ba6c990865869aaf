using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Attributions;

/// <summary>German attribution phenomena, one fixture each.</summary>
public class GermanAttributionTests
{
    [Fact]
    public void Direct_quote_with_postposed_inverted_frame()
    {
        var a = De("„Wir werden die Steuern nicht erhöhen“, sagte die Finanzministerin Anna Berger am Montag.");
        var x = a.AttributionWith("Wir werden die Steuern nicht erhöhen");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Equal("sagte", a.CueText(x));
        Assert.Contains("Anna Berger", a.SourceText(x));
        Assert.Equal(SourceKind.Person, x.Source.Kind);
    }

    [Fact]
    public void Direct_quote_introduced_by_colon()
    {
        var a = De("Der Bürgermeister erklärte: „Die Brücke bleibt bis Juni gesperrt.“");
        var x = a.AttributionWith("Die Brücke bleibt bis Juni gesperrt");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Equal("erklärte", a.CueText(x));
        Assert.Equal("Der Bürgermeister", a.SourceText(x));
    }

    [Fact]
    public void Split_quote_joins_both_parts()
    {
        var a = De("„Das ist ein guter Tag“, sagte Weber, „für die ganze Region.“");
        var x = a.AttributionWith("Das ist ein guter Tag");
        Assert.Equal(2, x.ContentParts.Count);
        Assert.Contains("für die ganze Region", a.StringOf(x.ContentParts[1]));
        Assert.Single(a.Attributions);
    }

    [Fact]
    public void Indirect_speech_with_dass_and_konjunktiv_one()
    {
        var a = De("Die Polizeisprecherin sagte, dass der Verdächtige geflohen sei.");
        var x = a.AttributionWith("der Verdächtige geflohen sei");
        Assert.Equal(AttributionKind.Indirect, x.Kind);
        Assert.True(x.Signals.HasFlag(SpeechSignals.ThatClause));
        Assert.True(x.Signals.HasFlag(SpeechSignals.SubjunctiveI));
        Assert.Equal("Die Polizeisprecherin", a.SourceText(x));
    }

    [Fact]
    public void Indirect_speech_verb_second_without_dass()
    {
        var a = De("Der Trainer sagte, die Mannschaft habe hart gearbeitet.");
        var x = a.AttributionWith("die Mannschaft habe hart gearbeitet");
        Assert.Equal(AttributionKind.Indirect, x.Kind);
        Assert.True(x.Signals.HasFlag(SpeechSignals.SubjunctiveI));
    }

    [Fact]
    public void Postposed_frame_without_quotes()
    {
        var a = De("Die Lage sei unter Kontrolle, sagte ein Sprecher der Feuerwehr.");
        var x = a.AttributionWith("Die Lage sei unter Kontrolle");
        Assert.Equal("sagte", a.CueText(x));
        Assert.Contains("Sprecher", a.SourceText(x));
    }

    [Fact]
    public void Separable_verb_fuegte_hinzu()
    {
        var a = De("Der Minister fügte hinzu, dass die Gespräche weitergehen würden.");
        var x = a.AttributionWith("die Gespräche weitergehen würden");
        Assert.Equal("fügte … hinzu", a.CueText(x));
        Assert.True(x.Signals.HasFlag(SpeechSignals.SubjunctiveII));
    }

    [Fact]
    public void Separable_verb_shares_the_subject_of_a_coordinated_verb()
    {
        var a = De("„Wir sind bereit“, sagte Meier und fügte hinzu, dass die Verhandlungen schwierig seien.");
        var x = a.AttributionWith("die Verhandlungen schwierig seien");
        Assert.Equal("fügte … hinzu", a.CueText(x));
        Assert.Equal("Meier", a.SourceText(x));
    }

    [Fact]
    public void Backward_attribution_claims_the_previous_sentence()
    {
        var a = De("Die Fabrik soll im Herbst schließen. Das behauptete zumindest der Gewerkschafter Paul Kern im Radio.");
        var x = a.AttributionWith("Die Fabrik soll im Herbst schließen");
        Assert.True(x.Signals.HasFlag(SpeechSignals.Backward));
        Assert.Equal("behauptete", a.CueText(x));
        Assert.Contains("Paul Kern", a.SourceText(x));
        Assert.Equal("im Radio", a.MediumText(x));
    }

    [Fact]
    public void Laut_is_an_according_to_cue()
    {
        var a = De("Laut dem Statistikamt stieg die Arbeitslosigkeit im März leicht an.");
        var x = a.AttributionWith("stieg die Arbeitslosigkeit");
        Assert.Equal(AttributionKind.AccordingTo, x.Kind);
        Assert.Equal("Laut", a.CueText(x));
        Assert.Contains("Statistikamt", a.SourceText(x));
    }

    [Fact]
    public void Zufolge_takes_its_source_before_it()
    {
        var a = De("Einer neuen Studie zufolge schlafen Jugendliche immer weniger.");
        var x = a.AttributionWith("schlafen Jugendliche immer weniger");
        Assert.Equal("zufolge", a.CueText(x));
        Assert.Equal("Einer neuen Studie", a.SourceText(x));
        Assert.Equal(SourceKind.Document, x.Source.Kind);
    }

    [Fact]
    public void Nach_Angaben_with_genitive_source()
    {
        var a = De("Nach Angaben der Feuerwehr wurden drei Menschen verletzt.");
        var x = a.AttributionWith("wurden drei Menschen verletzt");
        Assert.Equal("Nach Angaben", a.CueText(x));
        Assert.Equal("der Feuerwehr", a.SourceText(x));
    }

    [Fact]
    public void Postposed_so_with_anonymous_source_and_medium()
    {
        var a = De("Die Regierung plane neue Sanktionen, so ein Diplomat in einem Interview.");
        var x = a.AttributionWith("Die Regierung plane neue Sanktionen");
        Assert.Equal("so", a.CueText(x));
        Assert.Equal("ein Diplomat", a.SourceText(x));
        Assert.Equal("in einem Interview", a.MediumText(x));
    }

    [Fact]
    public void Anonymous_source_noun()
    {
        var a = De("Der Konzern verhandle bereits mit zwei Käufern, so eine Quelle aus Branchenkreisen.");
        var x = a.AttributionWith("Der Konzern verhandle bereits");
        Assert.Equal(SourceKind.Anonymous, x.Source.Kind);
    }

    [Fact]
    public void Vague_source_in_wie_clause()
    {
        var a = De("Die Preise werden weiter steigen, wie Experten betonen.");
        var x = a.AttributionWith("Die Preise werden weiter steigen");
        Assert.Equal("betonen", a.CueText(x));
        Assert.Equal(SourceKind.Vague, x.Source.Kind);
    }

    [Fact]
    public void Wie_clause_with_a_reporting_verb_becomes_a_relay()
    {
        var a = De("„Wir gehen nicht zurück“, sagte die Aktivistin Lea Brandt, wie die Süddeutsche Zeitung berichtete.");
        var x = a.AttributionWith("Wir gehen nicht zurück");
        var relay = Assert.Single(x.Relays);
        Assert.Contains("Süddeutsche Zeitung", a.StringOf(relay.Span));
        Assert.Single(a.Attributions);
    }

    [Fact]
    public void Medium_after_the_source()
    {
        var a = De("„Das ist Unsinn“, sagte der Politiker Jan Horn im Staatsfernsehen.");
        var x = a.AttributionWith("Das ist Unsinn");
        Assert.Equal("im Staatsfernsehen", a.MediumText(x));
    }

    [Fact]
    public void Partial_quote_after_characterizing_verb()
    {
        var a = De("Die Ministerin bezeichnete den Plan als ‚völlig unausgegoren‘.");
        var x = a.AttributionWith("völlig unausgegoren");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Equal("bezeichnete", a.CueText(x));
        Assert.Equal("Die Ministerin", a.SourceText(x));
    }

    [Fact]
    public void Indirect_speech_with_embedded_quote_is_mixed()
    {
        var a = De("Der Kanzler sagte, man werde „mit aller Härte“ vorgehen.");
        var x = a.AttributionWith("man werde");
        Assert.Equal(AttributionKind.Mixed, x.Kind);
    }

    [Fact]
    public void Vague_reports_nested_inside_a_quote()
    {
        var a = De("„Es gibt Berichte, dass die Grenze geschlossen wird“, sagte der Bürgermeister.");
        var outer = a.AttributionWith("Es gibt Berichte");
        var inner = a.Attributions.Single(x => x != outer);
        Assert.Equal(SourceKind.Vague, inner.Source.Kind);
        Assert.Equal(outer.Id, inner.ParentId);
    }

    [Fact]
    public void Quote_continued_in_the_next_paragraph_keeps_its_speaker()
    {
        var a = De("„Wir haben alles versucht“, sagte die Ärztin Maria Stein.\n\n„Am Ende war es zu spät. Niemand hätte ihn retten können.“");
        var x = a.AttributionWith("Am Ende war es zu spät");
        Assert.True(x.Signals.HasFlag(SpeechSignals.Continued));
        Assert.Contains("Maria Stein", a.SourceText(x));
    }

    [Fact]
    public void Konjunktiv_sentences_after_an_attribution_continue_its_speaker()
    {
        var a = De("Der Sprecher der Polizei sagte, die Lage sei ruhig. Am Abend habe es keine Festnahmen gegeben. Die Straßen wurden geräumt.");
        var x = a.AttributionWith("Am Abend habe es keine Festnahmen gegeben");
        Assert.True(x.Signals.HasFlag(SpeechSignals.Continued));
        Assert.Contains("Sprecher", a.SourceText(x));
        Assert.DoesNotContain(a.Attributions, y => a.StringOf(y.Content).Contains("Die Straßen wurden geräumt"));
    }

    [Fact]
    public void Lower_case_outlet_names_are_sources()
    {
        var a = De("Ein Reporter des Senders n-tv berichtete, dass die Brücke gesperrt sei.");
        Assert.Equal("Ein Reporter des Senders n-tv", a.SourceText(a.AttributionWith("die Brücke gesperrt sei")));
    }

    [Fact]
    public void Unbalanced_quote_is_reported_and_not_guessed()
    {
        var a = De("„Das wird teuer, sagte der Händler. Die Kunden kamen trotzdem.");
        Assert.Contains(a.Diagnostics, d => d.Code == "quote.unbalanced");
        Assert.DoesNotContain(a.Attributions, x => a.StringOf(x.Content).Contains("Die Kunden kamen"));
    }

    [Fact]
    public void Plain_statements_are_not_attributions()
    {
        var a = De("Die Sonne schien den ganzen Tag. Am Abend regnete es in Berlin.");
        Assert.Empty(a.Attributions);
    }
}

public class GermanAttributionFrameTests
{
    [Fact]
    public void Preposed_wie_clause()
    {
        var a = De("Wie der Direktor des Amtes mitteilte, waren die Menschen nicht gewarnt worden.");
        var x = a.AttributionWith("waren die Menschen nicht gewarnt worden");
        Assert.Equal("mitteilte", a.CueText(x));
        Assert.Contains("Direktor", a.SourceText(x));
    }

    [Fact]
    public void Nach_with_a_source_noun()
    {
        var a = De("Nach jüngsten Untersuchungen ist das Wasser belastet.");
        var x = a.AttributionWith("ist das Wasser belastet");
        Assert.Equal("nach", a.CueText(x).ToLowerInvariant());
        Assert.Equal("jüngsten Untersuchungen", a.SourceText(x));
    }

    [Fact]
    public void Possessive_opinion_before_nach()
    {
        var a = De("Die Mittel seien ihrer Meinung nach nicht mehr verhältnismäßig.");
        var x = a.AttributionWith("nicht mehr verhältnismäßig");
        Assert.Equal("ihrer", a.SourceText(x));
    }

    [Fact]
    public void Subject_with_apposition_in_commas()
    {
        var a = De("Marcelo Ebrard, der Bürgermeister der Stadt, teilte über Twitter mit, dass die Leitungen intakt seien.");
        var x = a.AttributionWith("dass die Leitungen intakt seien");
        Assert.Equal("teilte … mit", a.CueText(x));
        Assert.Contains("Marcelo Ebrard", a.SourceText(x));
        Assert.Equal("über Twitter", a.MediumText(x));
    }

    [Fact]
    public void Addressee_before_the_comma()
    {
        var a = De("Die Ministerin sagte der Zeitung, die Reform komme im Herbst.");
        var x = a.AttributionWith("die Reform komme im Herbst");
        Assert.Equal("Die Ministerin", a.SourceText(x));
    }
}

public class UnnamedQuoteTests
{
    [Fact]
    public void A_quoted_sentence_without_a_speaker_is_kept_with_an_unknown_source()
    {
        var a = De("Die Stimmung im Saal war angespannt.\n\n„Wir werden das nicht länger hinnehmen. Es reicht.“\n\nDanach wurde abgestimmt.");
        var x = a.AttributionWith("Wir werden das nicht länger hinnehmen");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Null(x.Source.Span);
        Assert.Equal(SourceKind.Unknown, x.Source.Kind);
    }

    [Fact]
    public void A_short_quoted_phrase_is_not_a_quotation_of_a_speaker()
    {
        var a = De("Die Regierung nennt das Programm „Zukunft“.");
        Assert.DoesNotContain(a.Attributions, x => x.Source.Span is null);
    }
}

public class ReportedSpeechTests
{
    [Fact]
    public void German_speech_act_summary_is_reported()
    {
        var a = De("Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten.");
        var x = a.AttributionWith("höhere Löhne");
        Assert.Equal(AttributionKind.Reported, x.Kind);
        Assert.Equal("Die Gewerkschaft", a.SourceText(x));
    }

    [Fact]
    public void English_speech_act_summary_is_reported()
    {
        var a = En("The union demanded higher wages for all workers.");
        Assert.Equal(AttributionKind.Reported, a.AttributionWith("higher wages").Kind);
    }

    [Fact]
    public void A_verb_of_saying_without_a_typed_subject_is_not_a_summary()
    {
        var a = De("Das Papier fordert nichts Neues.");
        Assert.DoesNotContain(a.Attributions, x => x.Kind == AttributionKind.Reported);
    }
}

public class RelayFrameTests
{
    [Fact]
    public void Laut_before_a_framed_statement_is_a_relay()
    {
        var a = De("Laut BBC News sagte der Minister, die Grenze bleibe offen.");
        var x = a.AttributionWith("die Grenze bleibe offen");
        Assert.Equal("der Minister", a.SourceText(x));
        var relay = Assert.Single(x.Relays);
        Assert.Equal("BBC News", a.StringOf(relay.Name!.Value));
        Assert.DoesNotContain(a.Attributions, y => y.Kind == AttributionKind.AccordingTo);
    }

    [Fact]
    public void Dative_first_leaves_the_subject_after_the_verb()
    {
        var a = De("Der Zeitung sagte Filep Karma: „Ich werde nicht aufgeben.“");
        Assert.Equal("Filep Karma", a.SourceEntity(a.AttributionWith("Ich werde nicht aufgeben")));
    }
}

public class PartialAndInvertedQuoteTests
{
    [Fact]
    public void So_before_an_inverted_cue()
    {
        var a = De("„Er ist die eiserne Hand“, so charakterisierte ihn der Gewerkschafter Bernard Aubin.");
        var x = a.AttributionWith("Er ist die eiserne Hand");
        Assert.Equal("charakterisierte", a.CueText(x));
        Assert.Contains("Bernard Aubin", a.SourceText(x));
    }

    [Fact]
    public void Auxiliary_first_participle_last()
    {
        var a = De("„Wir wollen enger zusammenarbeiten“, hatte VW-Chef Martin Winterkorn in einem Interview erklärt.");
        var x = a.AttributionWith("Wir wollen enger zusammenarbeiten");
        Assert.Equal("erklärt", a.CueText(x));
        Assert.Contains("Winterkorn", a.SourceText(x));
        Assert.Equal("in einem Interview", a.MediumText(x));
    }

    [Fact]
    public void Mit_den_Worten_introduces_a_quote()
    {
        var a = De("Der Regierungssprecher versuchte mit den Worten zu beruhigen: „Der Fonds ist funktionstüchtig.“");
        var x = a.AttributionWith("Der Fonds ist funktionstüchtig");
        Assert.Equal("mit den Worten", a.CueText(x));
        Assert.Equal("Der Regierungssprecher", a.SourceText(x));
    }

    [Fact]
    public void A_short_quote_in_the_clause_of_a_cue_is_a_partial_quote()
    {
        var a = De("Die Abgeordneten sprachen von einem „bürgerrechtlichen Dammbruch“ in der Debatte.");
        var x = a.AttributionWith("bürgerrechtlichen Dammbruch");
        Assert.Equal(AttributionKind.Direct, x.Kind);
        Assert.Equal("Die Abgeordneten", a.SourceText(x));
    }
}

public class CitingAndLettingTests
{
    [Fact]
    public void The_cited_one_speaks_and_the_citing_outlet_relays()
    {
        var a = De("Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten: „Es ging alles sehr schnell.“");
        var x = a.AttributionWith("Es ging alles sehr schnell");
        Assert.Equal("einen Augenzeugen", a.SourceText(x));
        Assert.Contains("Frankfurter Rundschau", a.StringOf(Assert.Single(x.Relays).Name!.Value));
    }

    [Fact]
    public void Liess_verlauten_takes_its_subject_between_the_verbs()
    {
        var a = De("Außerdem ließ der Pressedienst des Ministeriums verlauten, man prüfe alle Optionen.");
        var x = a.AttributionWith("man prüfe alle Optionen");
        Assert.Contains("Pressedienst", a.SourceText(x));
    }
}

public class WonachAndApposedSourceTests
{
    [Fact]
    public void Wonach_opens_reported_content()
    {
        var a = De("Der Verband berichtete, wonach die Preise weiter steigen würden.");
        var x = a.AttributionWith("die Preise weiter steigen würden");
        Assert.Equal("Der Verband", a.SourceText(x));
    }

    [Fact]
    public void Apposed_name_after_nach_Angaben_belongs_to_the_source()
    {
        var a = De("Die Lage sei nach Angaben des Sprechers, Roland Eichhorn, weiterhin angespannt.");
        var x = a.AttributionWith("weiterhin angespannt");
        Assert.Contains("Roland Eichhorn", a.SourceText(x));
        Assert.Equal(2, x.ContentParts.Count);
        Assert.All(x.ContentParts, p => Assert.DoesNotContain("Eichhorn", a.StringOf(p)));
    }
}

public class RelaySpanTests
{
    [Fact]
    public void A_zufolge_relay_spans_source_and_cue_in_text_order()
    {
        var a = De("Der Mitteilung zufolge versicherte der Minister, dass die Bürger Frieden wünschten.");
        foreach (var x in a.Attributions)
            foreach (var r in x.Relays)
                Assert.True(r.Span.Length > 0, $"relay span {r.Span}");
        var json = new Hearsay.Output.JsonArticleWriter().ToJson(a); // the writer refuses bad spans
        Assert.Contains("\"relays\"", json);
    }
}
