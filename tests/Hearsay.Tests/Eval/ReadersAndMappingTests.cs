using Hearsay.Document;
using Hearsay.Eval;
using Hearsay.Eval.Redewiedergabe;
using Hearsay.Eval.WikinewsQuotes;

namespace Hearsay.Tests.Eval;

public class ReadersAndMappingTests
{
    [Fact]
    public void Detokenizer_glues_punctuation_and_german_quotes_and_keeps_token_offsets()
    {
        var tokens = new[] { "Er", "sagte", ":", "„", "Wir", "kommen", ".", "“", "Dann", "ging", "er", "." };
        var r = Detokenizer.Build(tokens);
        Assert.Equal("Er sagte: „Wir kommen.“ Dann ging er.", r.Text);
        for (int i = 0; i < tokens.Length; i++) Assert.Equal(tokens[i], r.Text[r.Grid.Start(i)..r.Grid.End(i)]);
    }

    [Fact]
    public void Detokenizer_finds_which_guillemet_closes_even_when_the_text_starts_inside_a_quote()
    {
        var r = Detokenizer.Build(new[] { "Halt", "!", "«", "rief", "er", ".", "»", "Gut", ".", "«" });
        Assert.Equal("Halt!« rief er. »Gut.«", r.Text);
    }

    [Fact]
    public void Detokenizer_reads_the_closing_guillemet_from_the_comma_after_it_not_from_the_full_stop_before_it()
    {
        // In dialogue the next speech opens right after a full stop: "» after ." does not make » the closing mark.
        var r = Detokenizer.Build(new[] { "»", "Ja", "«", ",", "sagte", "er", ".", "»", "Nein", "«", ",", "rief", "sie", ".", "»", "Gut", "!", "«" });
        Assert.Equal("»Ja«, sagte er. »Nein«, rief sie. »Gut!«", r.Text);
    }

    [Fact]
    public void Detokenizer_closes_a_german_quote_with_a_straight_mark_and_spaces_single_guillemets_like_double_ones()
    {
        Assert.Equal("die „Judenbraut\" genannt", Detokenizer.Build(new[] { "die", "„", "Judenbraut", "\"", "genannt" }).Text);
        Assert.Equal("»Er rief: ›Halt!‹ und ging.«", Detokenizer.Build(new[] { "»", "Er", "rief", ":", "›", "Halt", "!", "‹", "und", "ging", ".", "«" }).Text);
    }

    [Fact]
    public void Token_grid_maps_character_spans_to_overlapping_tokens()
    {
        var grid = new TokenGrid(new[] { 0, 4, 10 }, new[] { 3, 9, 12 });
        Assert.Equal(new[] { 1, 2 }, grid.Tokens(TextSpan.FromBounds(5, 11)));
        Assert.Empty(grid.Tokens(TextSpan.FromBounds(3, 4)));
        Assert.Equal(new[] { (0, 1), (3, 3) }, TokenGrid.Runs(new[] { 0, 1, 3 }).ToArray());
    }

    [Fact]
    public void Redewiedergabe_types_count_every_level_and_both_ambiguous_types()
    {
        Assert.Equal(StwrType.Direct | StwrType.Indirect, RedewiedergabeReader.ParseTypes("direct.speech.9|indirect.speech.10"));
        Assert.Equal(StwrType.Indirect | StwrType.FreeIndirect, RedewiedergabeReader.ParseTypes("indirect freeIndirect.speech writing.17"));
        Assert.Equal(StwrType.None, RedewiedergabeReader.ParseTypes("-"));
    }

    [Fact]
    public void Redewiedergabe_split_keeps_a_documents_samples_together_and_halves_each_stratum()
    {
        Assert.Equal("rwk_mkhz_1234", RedewiedergabeSplit.DocumentKey("rwk_mkhz_1234-2.tsv"));
        var files = new List<(string, bool)>();
        for (int d = 0; d < 20; d++)
        {
            files.Add(($"rwk_digbib_{d}-1.tsv", true));
            files.Add(($"rwk_digbib_{d}-2.tsv", true));
            files.Add(($"rwk_grenz_{d}-1.tsv", false));
        }
        var split = RedewiedergabeSplit.Assign(files);
        for (int d = 0; d < 20; d++) Assert.Equal(split[$"rwk_digbib_{d}-1.tsv"], split[$"rwk_digbib_{d}-2.tsv"]);
        Assert.Equal(20, split.Count(kv => kv.Key.Contains("digbib") && kv.Value == "dev"));
        Assert.Equal(10, split.Count(kv => kv.Key.Contains("grenz") && kv.Value == "test"));
        // the same files in another order give the same split
        Assert.Equal(split, RedewiedergabeSplit.Assign(Enumerable.Reverse(files)));
    }

    [Fact]
    public void Wikinews_cue_takes_the_auxiliary_of_a_participle_and_a_pronominal_adverb()
    {
        var lex = Hearsay.Attributions.AttributionLexicon.For(Hearsay.Languages.LanguageRegistry.Default.For("de"));
        var a = Hearsay.Tests.TestArticles.De("Die Ministerin hat am Montag darauf verwiesen, dass die Schulen geschlossen bleiben.");
        var x = a.Attributions.Single(x => a.StringOf(x.Content).Contains("Schulen"));
        var extras = WikinewsMapper.CueExtras(a, x, lex).Select(s => a.StringOf(s)).ToList();
        Assert.Contains("hat", extras);
        Assert.Contains("darauf", extras);
        Assert.DoesNotContain("Montag", extras);
    }

    [Fact]
    public void Wikinews_an_unframed_konjunktiv_sentence_is_indirect_free_indirect_speech()
    {
        var lex = Hearsay.Attributions.AttributionLexicon.For(Hearsay.Languages.LanguageRegistry.Default.For("de"));
        var a = Hearsay.Tests.TestArticles.De("Die Kurse fielen am Montag.\n\nZur Panik gebe es keinen Anlass für die Anleger.");
        var x = a.Attributions.Single(x => a.StringOf(x.Content).Contains("Panik"));
        Assert.Equal("IndirectFreeIndirect", WikinewsMapper.TypeOf(a, x, lex));
    }

    [Fact]
    public void Redewiedergabe_an_unframed_konjunktiv_sentence_is_left_out()
    {
        var a = Hearsay.Tests.TestArticles.De("Die Kurse fielen am Montag.\n\nZur Panik gebe es keinen Anlass für die Anleger.");
        var x = a.Attributions.Single(x => a.StringOf(x.Content).Contains("Panik"));
        var grid = new TokenGrid(a.Tokens.Select(t => t.Start).ToArray(), a.Tokens.Select(t => t.End).ToArray());
        var types = RedewiedergabeDataset.Predict(a, grid, out _, out var cue);
        int panik = Enumerable.Range(0, a.Tokens.Length).First(i => a.StringOf(a.Tokens[i].Span) == "Panik");
        Assert.True(x.Cue.IsEmpty);
        Assert.Equal(StwrType.None, types[panik]);
        Assert.DoesNotContain(true, cue);
    }

    [Fact]
    public void Wikinews_a_verbatim_fragment_in_reported_speech_is_a_nested_direct_quote_but_a_quoted_name_is_not()
    {
        var a = Hearsay.Tests.TestArticles.De("Der Vater habe geschrieben, er müsse die Kinder „aus diesem schlechten Leben“ nehmen, sagte die Polizei. Die Polizei sagte, die Band „Landser“ sei verboten.");
        var first = a.Attributions.Where(x => a.StringOf(x.Content).Contains("Kinder")).OrderBy(x => x.Content.Length).First();
        Assert.Contains(WikinewsMapper.QuotedFragments(a, first), q => a.StringOf(q.Inner).Contains("schlechten Leben"));
        var second = a.Attributions.Single(x => a.StringOf(x.Content).Contains("verboten"));
        Assert.Empty(WikinewsMapper.QuotedFragments(a, second));
    }

    private const string WikinewsDoc = """
    {"documentName":"1 - Test (2020-01-01)","originalText":"„Wir kommen“, sagte Anna Roth.",
     "sentences":[],
     "tokens":[{"id":0,"text":"„","charBegin":0,"charEnd":1,"sentence":1,"word":1},
               {"id":1,"text":"Wir","charBegin":1,"charEnd":4,"sentence":1,"word":2},
               {"id":2,"text":"kommen","charBegin":5,"charEnd":11,"sentence":1,"word":3},
               {"id":3,"text":"“","charBegin":11,"charEnd":12,"sentence":1,"word":4},
               {"id":4,"text":",","charBegin":12,"charEnd":13,"sentence":1,"word":5},
               {"id":5,"text":"sagte","charBegin":14,"charEnd":19,"sentence":1,"word":6},
               {"id":6,"text":"Anna","charBegin":20,"charEnd":24,"sentence":1,"word":7},
               {"id":7,"text":"Roth","charBegin":25,"charEnd":29,"sentence":1,"word":8},
               {"id":8,"text":".","charBegin":29,"charEnd":30,"sentence":1,"word":9}],
     "annotations":[{"id":0,"type":"Direct","medium":"Speech","isNested":false,"hasNested":false,
        "quote":{"spans":[],"tokenIds":[0,1,2,3],"text":""},"cue":{"spans":[],"tokenIds":[5],"text":""},
        "speaker":{"spans":[],"tokenIds":[6,7],"text":""},"frame":{"spans":[],"tokenIds":[4,5,6,7],"text":""},
        "addressee":[]}]}
    """;

    [Fact]
    public void Wikinews_reader_reads_token_ids_and_tolerates_an_empty_part_written_as_a_list()
    {
        var doc = WikinewsReader.Parse(WikinewsDoc.ReplaceLineEndings(" "));
        var a = Assert.Single(doc.Annotations);
        Assert.Equal(new[] { 0, 1, 2, 3 }, a.Part("quote"));
        Assert.Empty(a.Part("addressee"));
        Assert.Equal(9, doc.Grid.Count);
    }

    [Fact]
    public void Wikinews_mapping_of_a_framed_direct_quote_matches_the_gold_parts()
    {
        var doc = WikinewsReader.Parse(WikinewsDoc.ReplaceLineEndings(" "));
        var article = new Analyzer().AnalyzeText(doc.Text, new ArticleMetadata { Language = "de" });
        var sys = Assert.Single(WikinewsMapper.Map(article, doc));
        Assert.Equal("Direct", sys.Type);
        Assert.Equal(new[] { 0, 1, 2, 3 }, sys.Part("quote"));   // the marks belong to the quote
        Assert.Equal(new[] { 5 }, sys.Part("cue"));
        Assert.Equal(new[] { 6, 7 }, sys.Part("speaker"));
        Assert.Equal(new[] { 4, 5, 6, 7 }, sys.Part("frame"));  // up to the quote, without the final period
        var scorer = new AlignedScorer(QuoteAnnotation.RoleNames, labelBonuses: true);
        scorer.AddDocument(new[] { sys.ToGroup() }, doc.Annotations.Select(x => x.ToGroup()).ToList());
        Assert.Equal(1.0, scorer.Joint.F1, 10);
    }

    [Fact]
    public void Redewiedergabe_speech_events_become_reported_indirect_direct_speaker_and_cue_tokens_unless_an_attribution_typed_them()
    {
        var tokens = new[]
        {
            "Der", "Minister", "sprach", "gestern", "über", "den", "Krieg", ",", "und", "die", "Partei", "sagte", ",", "dass", "sie", "komme", ".",
            "Er", "rief", ":", "„", "Wir", "gehen", "!", "“",
            "Sie", "fragte", ":", "„", "Wann", "?", "“",
            "„", "Nie", "!", "“", "rief", "er", ".",
        };
        var (text, article) = BareSample(tokens);
        TextSpan Tok(int first, int last) => TextSpan.FromBounds(text.Grid.Start(first), text.Grid.End(last));
        // An event with a topic and no message: a summarized speech act.
        article.SpeechEvents.Add(new SpeechEvent(0, new[] { Tok(2, 2) },
            new[] { new SpeechRoleSpan(SpeechRole.Source, Tok(0, 1)), new SpeechRoleSpan(SpeechRole.Topic, Tok(4, 6)) }, 1f));
        // An event with a dass-clause message: indirect speech.
        article.SpeechEvents.Add(new SpeechEvent(1, new[] { Tok(11, 11) },
            new[] { new SpeechRoleSpan(SpeechRole.Source, Tok(9, 10)), new SpeechRoleSpan(SpeechRole.Message, Tok(13, 15)) }, 1f));
        // An event whose message an attribution already typed as direct: left to the attribution.
        article.SpeechEvents.Add(new SpeechEvent(2, new[] { Tok(18, 18) },
            new[] { new SpeechRoleSpan(SpeechRole.Source, Tok(17, 17)), new SpeechRoleSpan(SpeechRole.Message, Tok(21, 23)) }, 1f));
        // An event whose quoted message no attribution typed: direct speech, the quotation marks included.
        article.SpeechEvents.Add(new SpeechEvent(3, new[] { Tok(26, 26) },
            new[] { new SpeechRoleSpan(SpeechRole.Source, Tok(25, 25)), new SpeechRoleSpan(SpeechRole.Message, Tok(29, 30)) }, 1f));
        // An event without a message right after a quotation: the quotation's frame, so the quotation is direct.
        article.SpeechEvents.Add(new SpeechEvent(4, new[] { Tok(36, 36) }, new[] { new SpeechRoleSpan(SpeechRole.Source, Tok(37, 37)) }, 1f));
        article.Attributions.Add(new Attribution { Id = 0, Kind = AttributionKind.Direct, Cue = Tok(18, 18), Content = Tok(21, 23) });

        var types = RedewiedergabeDataset.Predict(article, text.Grid, out var speaker, out var cue);

        int[] Where(Func<int, bool> f) => Enumerable.Range(0, tokens.Length).Where(f).ToArray();
        // Reported: the cue and its roles widened to the clause (up to the comma), the speaker left out.
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, Where(i => (types[i] & StwrType.Reported) != 0));
        // Indirect: the message up to the end of its clause (the final full stop).
        Assert.Equal(new[] { 13, 14, 15, 16 }, Where(i => (types[i] & StwrType.Indirect) != 0));
        Assert.Equal(new[] { 20, 21, 22, 23, 24, 28, 29, 30, 31, 32, 33, 34, 35 }, Where(i => (types[i] & StwrType.Direct) != 0));
        Assert.Equal(new[] { 0, 1, 9, 10, 25, 37 }, Where(i => speaker[i]));
        Assert.Equal(new[] { 2, 11, 18, 26, 36 }, Where(i => cue[i]));
        Assert.DoesNotContain(Where(i => (types[i] & StwrType.Reported) != 0), i => i >= 17);
    }

    private static int[] DirectTokens(string[] tokens)
    {
        var text = Detokenizer.Build(tokens);
        var article = Hearsay.Tests.TestArticles.De(text.Text);
        var types = new StwrType[tokens.Length];
        RedewiedergabeDataset.AddQuotations(article, text.Grid, types);
        return Enumerable.Range(0, tokens.Length).Where(i => (types[i] & StwrType.Direct) != 0).ToArray();
    }

    [Fact]
    public void Redewiedergabe_an_untyped_quotation_is_direct_when_it_reads_as_an_utterance_not_as_a_title()
    {
        var tokens = new[] { "Er", "las", "die", "„", "Glocke", "“", "und", "dachte", "„", "das", "ist", "gut", "!", "“", "und", "ging", "." };
        Assert.Equal(new[] { 8, 9, 10, 11, 12, 13 }, DirectTokens(tokens));
    }

    [Fact]
    public void Redewiedergabe_a_quotation_that_begins_before_the_text_is_direct_from_the_start()
    {
        var tokens = new[] { "ich", "komme", "gleich", "«", ",", "sagte", "er", "." };
        Assert.Equal(new[] { 0, 1, 2, 3 }, DirectTokens(tokens));
    }

    [Fact]
    public void Redewiedergabe_a_quotation_left_open_after_a_colon_is_direct_to_the_end_of_the_text()
    {
        var tokens = new[] { "Er", "begann", ":", "»", "Es", "war", "einmal", "ein", "König", ".", "Der", "lebte", "lange", "." };
        Assert.Equal(Enumerable.Range(3, 11).ToArray(), DirectTokens(tokens));
    }

    [Fact]
    public void Redewiedergabe_a_dass_clause_after_a_verb_of_knowing_is_indirect_and_one_after_an_adverb_is_not()
    {
        var tokens = new[] { "Er", "wußte", "nicht", ",", "daß", "sie", "kam", ".", "Es", "regnete", "so", ",", "daß", "alle", "froh", "waren", "." };
        var text = Detokenizer.Build(tokens);
        var article = Hearsay.Tests.TestArticles.De(text.Text);
        var types = new StwrType[tokens.Length];
        RedewiedergabeDataset.AddFramedClauses(article, text.Grid, types);
        Assert.Equal(new[] { 4, 5, 6, 7 }, Enumerable.Range(0, tokens.Length).Where(i => (types[i] & StwrType.Indirect) != 0).ToArray());
    }

    [Fact]
    public void Redewiedergabe_a_clause_after_a_noun_of_belief_or_a_question_word_after_a_verb_of_asking_is_indirect()
    {
        var tokens = new[] { "Es", "ging", "das", "Gerücht", ",", "daß", "er", "fliehe", ".", "Sie", "fragte", ",", "wer", "da", "sei", ".", "Das", "Haus", ",", "wo", "er", "wohnte", ",", "brannte", "." };
        var text = Detokenizer.Build(tokens);
        var article = Hearsay.Tests.TestArticles.De(text.Text);
        var types = new StwrType[tokens.Length];
        RedewiedergabeDataset.AddFramedClauses(article, text.Grid, types);
        Assert.Equal(new[] { 5, 6, 7, 8, 12, 13, 14, 15 }, Enumerable.Range(0, tokens.Length).Where(i => (types[i] & StwrType.Indirect) != 0).ToArray());
    }

    [Fact]
    public void Redewiedergabe_an_event_whose_cue_is_a_verb_of_seeing_is_not_reported_speech()
    {
        var tokens = new[] { "Der", "Mann", "sah", "den", "Wald", ".", "Die", "Frau", "sprach", "von", "dem", "Wald", "." };
        var (text, article) = BareSample(tokens);
        TextSpan Tok(int first, int last) => TextSpan.FromBounds(text.Grid.Start(first), text.Grid.End(last));
        article.SpeechEvents.Add(new SpeechEvent(0, new[] { Tok(2, 2) },
            new[] { new SpeechRoleSpan(SpeechRole.Source, Tok(0, 1)), new SpeechRoleSpan(SpeechRole.Topic, Tok(3, 4)) }, 1f));
        article.SpeechEvents.Add(new SpeechEvent(1, new[] { Tok(8, 8) },
            new[] { new SpeechRoleSpan(SpeechRole.Source, Tok(6, 7)), new SpeechRoleSpan(SpeechRole.Topic, Tok(9, 11)) }, 1f));
        var types = new StwrType[tokens.Length];
        var speaker = new bool[tokens.Length];
        var cue = new bool[tokens.Length];
        RedewiedergabeDataset.AddEvents(article, text.Grid, types, speaker, cue);
        Assert.Equal(new[] { 8, 9, 10, 11, 12 }, Enumerable.Range(0, tokens.Length).Where(i => (types[i] & StwrType.Reported) != 0).ToArray());
        Assert.Equal(new[] { 8 }, Enumerable.Range(0, tokens.Length).Where(i => cue[i]).ToArray());
    }

    [Fact]
    public void Redewiedergabe_unquoted_speech_after_a_colon_announced_by_a_verb_of_thinking_is_direct_to_the_end_of_its_sentence()
    {
        var tokens = new[] { "Ich", "dachte", "mir", ":", "Soll", "ich", "ihn", "wecken", "?", "Er", "schlief", ".", "Das", "Haus", "hatte", "zwei", "Teile", ":", "Keller", "und", "Dach", "." };
        Assert.Equal(new[] { 4, 5, 6, 7, 8 }, DirectTokens(tokens));
    }

    [Fact]
    public void Redewiedergabe_a_quotation_that_lost_its_opening_mark_is_direct_between_two_closing_marks()
    {
        var tokens = new[] { "»", "Komm", "her", "!", "«", "rief", "er", ".", "»", "Setz", "dich", ".", "«", "Ja", ",", "gleich", "!", "«", "sagte", "sie", "." };
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }, DirectTokens(tokens));
    }

    [Fact]
    public void Redewiedergabe_a_zu_infinitive_after_a_verb_of_promising_is_indirect_and_one_of_purpose_is_not()
    {
        var tokens = new[] { "Er", "versprach", ",", "morgen", "zu", "kommen", ".", "Sie", "sagte", "nichts", ",", "um", "ihn", "zu", "schonen", "." };
        var text = Detokenizer.Build(tokens);
        var article = Hearsay.Tests.TestArticles.De(text.Text);
        var types = new StwrType[tokens.Length];
        RedewiedergabeDataset.AddFramedClauses(article, text.Grid, types);
        Assert.Equal(new[] { 3, 4, 5, 6 }, Enumerable.Range(0, tokens.Length).Where(i => (types[i] & StwrType.Indirect) != 0).ToArray());
    }

    [Fact]
    public void Redewiedergabe_a_continued_report_is_free_indirect_in_narration_but_not_inside_a_quotation()
    {
        var tokens = new[] { "Er", "sei", "krank", ".", "»", "Er", "habe", "Fieber", ".", "«" };
        var (text, article) = BareSample(tokens);
        TextSpan Tok(int first, int last) => TextSpan.FromBounds(text.Grid.Start(first), text.Grid.End(last));
        article.Attributions.Add(new Attribution { Id = 0, Kind = AttributionKind.Indirect, Cue = Tok(1, 1), Content = Tok(0, 3), Signals = SpeechSignals.Continued });
        article.Attributions.Add(new Attribution { Id = 1, Kind = AttributionKind.Indirect, Cue = Tok(6, 6), Content = Tok(5, 8), Signals = SpeechSignals.Continued });
        var types = RedewiedergabeDataset.Predict(article, text.Grid, out _, out _);
        Assert.Equal(new[] { 0, 1, 2, 3 }, Enumerable.Range(0, tokens.Length).Where(i => (types[i] & StwrType.FreeIndirect) != 0).ToArray());
        Assert.True((types[6] & StwrType.Indirect) != 0 && (types[6] & StwrType.Direct) != 0);
    }

    [Fact]
    public void Redewiedergabe_the_verb_after_a_direct_quotation_is_its_cue_and_the_pronoun_after_it_the_speaker()
    {
        var tokens = new[] { "»", "Komm", "her", "!", "«", ",", "rief", "er", "laut", "." };
        var text = Detokenizer.Build(tokens);
        var article = Hearsay.Tests.TestArticles.De(text.Text);
        var types = new StwrType[tokens.Length];
        for (int i = 0; i <= 4; i++) types[i] = StwrType.Direct;
        var speaker = new bool[tokens.Length];
        var cue = new bool[tokens.Length];
        RedewiedergabeDataset.AddQuoteFrames(article, text.Grid, types, speaker, cue);
        Assert.Equal(new[] { 6 }, Enumerable.Range(0, tokens.Length).Where(i => cue[i]).ToArray());
        Assert.Equal(new[] { 7 }, Enumerable.Range(0, tokens.Length).Where(i => speaker[i]).ToArray());
    }

    /// <summary>Corpus tokens joined into text and analyzed as German, with its attributions and speech events
    /// removed, so that a test adds exactly the events it is about.</summary>
    private static (Detokenizer.Result Text, Article Article) BareSample(string[] tokens)
    {
        var text = Detokenizer.Build(tokens);
        var article = Hearsay.Tests.TestArticles.De(text.Text);
        article.Attributions.Clear();
        article.SpeechEvents.Clear();
        return (text, article);
    }
}
