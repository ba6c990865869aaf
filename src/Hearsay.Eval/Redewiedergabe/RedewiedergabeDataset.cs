using System.Text;
using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Eval.Redewiedergabe;

/// <summary>
/// Corpus REDEWIEDERGABE (German fiction and non-fiction, 1840–1919): token-level P/R/F1 per STWR type, the
/// metric of the taggers trained on it (Brunner et al., KONVENS 2020). Each sample's tokens are joined into
/// running text and analyzed as German. A token gets a type when it lies in the content of one of Hearsay's
/// attributions: Direct → direct; Indirect and Mixed → indirect; AccordingTo → indirect: the content of
/// "laut X" / "X zufolge" is a reproduced proposition, not the mere mention of a speech act that the corpus
/// calls "reported" (measured: mapped to reported, those tokens were gold-reported 9% of the time).
/// Reported is Hearsay's summary of a speech act (<see cref="AttributionKind.Reported"/>). Speech events whose
/// message no attribution typed add indirect and reported tokens, speakers and cues (<see cref="AddEvents"/>); content
/// clauses framed by a verb or noun of saying, thinking or knowing add indirect tokens (<see cref="AddFramedClauses"/>); quotations
/// that still carry no direct type and read as an utterance, and quotations the pairing left open at either end
/// of the sample, add direct tokens (<see cref="AddQuotations"/>). The corpus has no
/// split: dev and test are halves by document (<see cref="RedewiedergabeSplit"/>). Figures for all texts and for
/// the non-fiction texts (metadata "fictional = no", the news-like part), plus speaker and cue
/// (introductory expression) tokens.
/// </summary>
public sealed class RedewiedergabeDataset : IEvalDataset
{
    public const string Id = "redewiedergabe";
    public string Name => Id;
    /// <summary>The corpus has no split of its own: dev and test are Hearsay's fixed half/half split by document
    /// (<see cref="RedewiedergabeSplit"/>). Tune on dev, report test.</summary>
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? RedewiedergabeSplit.Dev : RedewiedergabeSplit.Test;

    private static readonly (StwrType Type, string Name)[] Types =
    {
        (StwrType.Direct, "direct"), (StwrType.Indirect, "indirect"), (StwrType.FreeIndirect, "freeIndirect"), (StwrType.Reported, "reported"),
    };

    public static StwrType TypeOf(AttributionKind kind) => kind switch
    {
        AttributionKind.Direct => StwrType.Direct,
        AttributionKind.Reported => StwrType.Reported,
        _ => StwrType.Indirect,
    };

    public DatasetReport Run(EvalContext context, string split)
    {
        var metadata = RedewiedergabeReader.ReadMetadata(context.Data.Require(Id, "metadata.tsv"));
        var allFiles = context.Data.RequireFiles(Id, "*.tsv", "tsv");
        foreach (var f in allFiles)
            if (!metadata.ContainsKey(Path.GetFileName(f))) throw new FormatException($"{f}: not listed in metadata.tsv");
        var splitOf = RedewiedergabeSplit.Assign(allFiles.Select(f => (f, metadata[Path.GetFileName(f)])));
        var files = allFiles.Where(f => splitOf[Path.GetFileName(f)] == split).ToList();
        var report = new DatasetReport();
        var all = new Counts();
        var nonFiction = new Counts();
        var outDir = context.PredictionsFolder(Id, split);
        int docs = 0, nfDocs = 0;
        var samples = context.Limited(files).Select(f =>
        {
            var name = Path.GetFileName(f);
            if (!metadata.TryGetValue(name, out var fictional)) throw new FormatException($"{f}: not listed in metadata.tsv");
            var sample = RedewiedergabeReader.Read(f, fictional);
            return (Sample: sample, Text: Detokenizer.Build(sample.Tokens));
        });
        foreach (var ((sample, text), article) in context.AnalyzeAll(samples, s => s.Text.Text, "de"))
        {
            docs++;
            var predicted = Predict(article, text.Grid, out var speaker, out var cue);
            all.Add(sample, predicted, speaker, cue);
            if (!sample.Fictional) { nfDocs++; nonFiction.Add(sample, predicted, speaker, cue); }
            Classify(report.Errors, sample, text, predicted);
            if (outDir is not null) WritePrediction(Path.Combine(outDir, sample.File), sample, predicted, speaker, cue);
        }
        report.Documents = docs;
        const string task = "STWR tokens";
        foreach (var (subset, counts, n) in new[] { ("all", all, docs), ("non-fiction", nonFiction, nfDocs) })
        {
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"any type ({subset})", counts.Any, n));
            foreach (var (type, name) in Types)
                report.Rows.Add(MetricRow.Prf(Id, task, split, $"{name} ({subset})", counts.ByType[type], n));
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"speaker ({subset})", counts.Speaker, n));
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"cue ({subset})", counts.Cue, n));
        }
        return report;
    }

    private sealed class Counts
    {
        public readonly Dictionary<StwrType, Prf> ByType = Types.ToDictionary(t => t.Type, _ => new Prf());
        public Prf Any, Speaker, Cue;

        public void Add(RwSample s, StwrType[] predicted, bool[] speaker, bool[] cue)
        {
            for (int i = 0; i < s.Tokens.Length; i++)
            {
                foreach (var (type, _) in Types)
                {
                    var c = ByType[type];
                    Count(ref c, (s.Types[i] & type) != 0, (predicted[i] & type) != 0);
                    ByType[type] = c;
                }
                Count(ref Any, s.Types[i] != StwrType.None, predicted[i] != StwrType.None);
                Count(ref Speaker, s.Speaker[i], speaker[i]);
                Count(ref Cue, s.Cue[i], cue[i]);
            }
        }

        private static void Count(ref Prf c, bool gold, bool sys)
        {
            if (gold && sys) c.Tp++;
            else if (sys) c.Fp++;
            else if (gold) c.Fn++;
        }
    }

    /// <summary>Per dataset token: the STWR types of the attributions whose content covers it, and whether it is
    /// in a source span or a cue.</summary>
    public static StwrType[] Predict(Article article, TokenGrid grid, out bool[] speaker, out bool[] cue)
    {
        var types = new StwrType[grid.Count];
        speaker = new bool[grid.Count];
        cue = new bool[grid.Count];
        foreach (var att in article.Attributions)
        {
            // A Konjunktiv sentence with no report around it (empty cue, no source) is left out: typed indirect where
            // nothing else typed it, it cost indirect F1 on dev (0.5123 -> 0.5081; any type 0.7159 -> 0.7169).
            if (att.Cue.IsEmpty) continue;
            var type = TypeOf(att.Kind);
            // A sentence that continues a report with no frame of its own is free indirect speech as well as
            // indirect (the corpus's "indirect freeIndirect" counts for both).
            if (att.Signals.HasFlag(SpeechSignals.Continued) && type == StwrType.Indirect) type |= StwrType.FreeIndirect;
            foreach (var t in grid.Tokens(HearsaySpans.Content(article, att, quoteMarks: true))) types[t] |= type;
            foreach (var t in grid.Tokens(att.Source.Span)) speaker[t] = true;
            foreach (var t in grid.Tokens(HearsaySpans.Cue(att))) cue[t] = true;
        }
        AddEvents(article, grid, types, speaker, cue);
        AddFramedClauses(article, grid, types);
        AddQuotations(article, grid, types);
        AddQuoteFrames(article, grid, types, speaker, cue);
        // Free indirect speech is the narrator's voice: a continued report inside direct speech is not.
        for (int t = 0; t < types.Length; t++)
            if ((types[t] & StwrType.Direct) != 0) types[t] &= ~StwrType.FreeIndirect;
        return types;
    }

    /// <summary>
    /// Speech events (the learned layer, <see cref="Article.SpeechEvents"/>) as STWR tokens, for the events whose
    /// message no attribution typed (at least half of the message's tokens untyped; an event without a message
    /// needs an untyped cue). In this order: a message introduced by "dass"/"daß"/"ob" or carrying a Konjunktiv I
    /// form (lexicon "mood-forms") is indirect, its tokens up to the end of its clause (the final punctuation); a
    /// message in quotation marks is direct, the quotations it overlaps with their marks; an event without a
    /// message whose cue a quotation closes just before or opens just after (the frame of a quote) makes that
    /// quotation direct. Any other event (no message, a nominal cue, a message that is none of these) summarizes
    /// a speech act: reported, over the cue, its Message, Topic, Addr, Medium and PTC spans and what lies between
    /// them, widened to the clause around them (to the nearest comma, semicolon, colon, quotation mark, bracket or
    /// dash of the sentence; the final punctuation included), the Source's tokens left out. The event's Source
    /// tokens are speaker tokens, its cue tokens cue (intexpr) tokens. An event whose one-word cue is in the list
    /// Data/stwr-not-cues.tsv (seeing, showing, finding, a law: no speech, thought or writing in the corpus's
    /// sense) is left out altogether. Measured on dev and left out (no gain): a
    /// confidence threshold; no reported for events inside a quotation, next to one or in a sentence with one;
    /// requiring a cue of the attribution lexicon; any subordinator, Konjunktiv II or a "zu" in the message as a
    /// sign of indirect speech; not typing tokens an attribution typed; stopping the widening at the Source.
    /// </summary>
    public static void AddEvents(Article article, TokenGrid grid, StwrType[] types, bool[] speaker, bool[] cue)
    {
        if (article.SpeechEvents.Count == 0) return;
        var moods = AttributionLexicon.For(LanguageRegistry.Default.For("de")).MoodForms;
        var typed = (StwrType[])types.Clone();
        var notCues = NotCues.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var ev in article.SpeechEvents)
        {
            var message = grid.Tokens(ev.SpansOf(SpeechRole.Message));
            var cueTokens = grid.Tokens(ev.Cue);
            int typedMessage = 0;
            foreach (var t in message) if (typed[t] != StwrType.None) typedMessage++;
            if (message.Length > 0 && typedMessage * 2 >= message.Length) continue;
            if (message.Length == 0 && cueTokens.Any(t => typed[t] != StwrType.None)) continue;
            // A cue that names no speech, thought or writing event in the corpus's sense (seeing, showing, a law).
            if (ev.Cue.Count == 1 && notCues.Contains(article.Slice(ev.Cue[0]))) continue;

            if (message.Length > 0 && IsIndirectMessage(article, ev, moods))
            {
                // The message up to the end of its clause: the corpus counts the closing punctuation in.
                var spans = ev.SpansOf(SpeechRole.Message).ToList();
                foreach (var t in message) types[t] |= StwrType.Indirect;
                foreach (var t in grid.Tokens(Clause(article, spans[^1], left: false))) types[t] |= StwrType.Indirect;
            }
            else if (QuotedMessage(article, ev) is { Count: > 0 } quoted)
            {
                foreach (var q in quoted) foreach (var t in grid.Tokens(q.Outer)) types[t] |= StwrType.Direct;
            }
            else if (message.Length == 0 && AdjacentQuote(article, ev) is { } framed)
            {
                foreach (var t in grid.Tokens(framed.Outer)) types[t] |= StwrType.Direct;
            }
            else
            {
                var extent = ev.CueExtent;
                foreach (var r in ev.Roles)
                    if (r.Role is SpeechRole.Message or SpeechRole.Topic or SpeechRole.PTC or SpeechRole.Addr or SpeechRole.Medium) extent = extent.Union(r.Span);
                var source = grid.Tokens(ev.SpansOf(SpeechRole.Source));
                foreach (var t in grid.Tokens(Clause(article, extent, left: true)))
                    if (Array.IndexOf(source, t) < 0) types[t] |= StwrType.Reported;
            }
            foreach (var t in grid.Tokens(ev.SpansOf(SpeechRole.Source))) speaker[t] = true;
            foreach (var t in cueTokens) cue[t] = true;
        }
    }

    private static readonly Lazy<HashSet<string>> ClauseVerbs = new(() => EvalWords("stwr-clause-verbs.tsv", column: 1));
    private static readonly Lazy<HashSet<string>> ClauseNouns = new(() => EvalWords("stwr-clause-nouns.tsv", column: 0));
    private static readonly Lazy<HashSet<string>> QuestionWords = new(() => Introducers("question"));
    private static readonly Lazy<HashSet<string>> ColonWords = new(() => Introducers("colon"));
    private static readonly Lazy<HashSet<string>> PurposeWords = new(() => Introducers("purpose"));
    private static HashSet<string> Introducers(string kind)
    {
        using var stream = System.Reflection.Assembly.GetExecutingAssembly().GetManifestResourceStream("evaldata/stwr-introducers.tsv")
            ?? throw new InvalidOperationException("embedded evaldata/stwr-introducers.tsv is missing");
        return LexiconFile.Read(new StreamReader(stream)).Where(r => r.Length >= 2 && r[1] == kind).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
    }
    private static readonly Lazy<HashSet<string>> NotCues = new(() => new HashSet<string>(EvalWords("stwr-not-cues.tsv", column: 0), StringComparer.OrdinalIgnoreCase));

    /// <summary>The words of an embedded eval data file: the comma-separated entries of one column.</summary>
    private static HashSet<string> EvalWords(string file, int column)
    {
        using var stream = System.Reflection.Assembly.GetExecutingAssembly().GetManifestResourceStream("evaldata/" + file)
            ?? throw new InvalidOperationException($"embedded evaldata/{file} is missing");
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in LexiconFile.Read(new StreamReader(stream)))
            if (row.Length > column) foreach (var form in row[column].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) set.Add(form);
        return set;
    }

    /// <summary>
    /// Content clauses framed by a verb or noun of saying, thinking, writing or mental perceiving that no
    /// attribution or event typed as indirect. A clause opened by "dass"/"daß"/"ob" is framed when its sentence
    /// holds, at most ten tokens before it and with no sentence punctuation, colon, quotation mark or dash
    /// between, a lower-case form of the verb list (Data/stwr-clause-verbs.tsv: "erfuhr, daß …", "wußte nicht,
    /// ob …") or a noun of the noun list (Data/stwr-clause-nouns.tsv: "das Gerücht, daß …"); an indirect question
    /// opened by a w-word after a comma ("fragte, wer …", "wußte nicht, was …") when such a verb stands at most
    /// four tokens before it; a zu-infinitive clause after a comma ("versprach, morgen zu kommen"; not one of
    /// purpose: "um … zu") when such a verb stands at most four tokens before the comma, up to the next comma. The
    /// clause is indirect up to the next such mark (the sentence's final punctuation included).
    /// </summary>
    public static void AddFramedClauses(Article article, TokenGrid grid, StwrType[] types)
    {
        var verbs = ClauseVerbs.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var nouns = ClauseNouns.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var questions = QuestionWords.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var purpose = PurposeWords.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokens = article.Tokens;
        bool Stop(int k)
        {
            if (tokens[k].Kind is TokenKind.Quote or TokenKind.Dash) return true;
            var w = article.Slice(tokens[k]);
            return w is "." or "!" or "?" or ";" or ":" or "…" or "...";
        }
        for (int i = 1; i < tokens.Length; i++)
        {
            var w = article.Slice(tokens[i]);
            int window;
            bool nounFrames;
            if (w.Equals("dass", StringComparison.OrdinalIgnoreCase) || w.Equals("daß", StringComparison.OrdinalIgnoreCase) || w.Equals("ob", StringComparison.OrdinalIgnoreCase))
                (window, nounFrames) = (10, true);
            else if (questions.Contains(w) && article.Slice(tokens[i - 1]) is ",")
                (window, nounFrames) = (4, false);
            else if (w is "," && InfinitiveClause(article, i + 1, purpose))
                (window, nounFrames) = (4, false);
            else continue;
            bool framed = false;
            for (int k = i - 1, steps = 0; k >= 0 && steps < window && !Stop(k); k--, steps++)
            {
                if (!tokens[k].IsWord) continue;
                var v = article.Slice(tokens[k]);
                if (!tokens[k].Has(TokenFlags.Capitalized) ? verbs.Contains(v) : nounFrames && nouns.Contains(v)) { framed = true; break; }
            }
            if (!framed) continue;
            int start = w is "," ? i + 1 : i;
            int end = start;
            while (end + 1 < tokens.Length && !Stop(end + 1) && !(w is "," && article.Slice(tokens[end + 1]) is ",")) end++;
            if (end + 1 < tokens.Length && article.Slice(tokens[end + 1]) is "." or "!" or "?" or ";") end++;
            var clause = grid.Tokens(article.SpanOfTokens(start, end));
            int already = 0;
            foreach (var t in clause) if ((types[t] & StwrType.Indirect) != 0) already++;
            if (clause.Length == 0 || already * 2 >= clause.Length) continue;
            foreach (var t in clause) types[t] |= StwrType.Indirect;
        }
    }

    /// <summary>A zu-infinitive clause starting at token <paramref name="first"/> (up to the next comma or sentence
    /// mark): "zu" among its last three tokens and no word of purpose ("um", "ohne") opening it.</summary>
    private static bool InfinitiveClause(Article article, int first, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> purpose)
    {
        var tokens = article.Tokens;
        if (first >= tokens.Length || purpose.Contains(article.Slice(tokens[first]))) return false;
        int last = first;
        while (last + 1 < tokens.Length && tokens[last + 1].Kind is not (TokenKind.Quote or TokenKind.Dash)
               && article.Slice(tokens[last + 1]) is not ("," or "." or "!" or "?" or ";" or ":")) last++;
        for (int k = Math.Max(first, last - 2); k <= last; k++)
            if (article.Slice(tokens[k]) is "zu") return true;
        return false;
    }

    /// <summary>
    /// Quotations no attribution or event typed, as direct speech when they read as an utterance rather than a
    /// title, a name or a term: not right after an opening bracket (a cited source), and ending in sentence
    /// punctuation (". ! ? … –"), or holding three tokens or more with a lower-case word after the first, or
    /// introduced by a colon, or of seven tokens or more with punctuation inside. Then the quotation marks the
    /// pairing left open: a mark that opens and is never closed (old typography re-opens every paragraph or
    /// stanza of a long quotation and closes only the last; a sample may end inside one) is direct up to the
    /// next opening mark of its kind or the end of the text; a closing mark with no mark before it (a sample
    /// that begins inside a quotation) is direct from the start of the text; a closing mark whose previous double
    /// mark also closed (the opening one lost in print or OCR) is direct from the capitalized word after that
    /// mark. Unquoted speech after a colon is direct
    /// up to the end of its sentence when a verb of Data/stwr-clause-verbs.tsv or a "colon" word of
    /// Data/stwr-introducers.tsv stands at most five tokens before the colon ("Ich dachte mir: Soll ich …?").
    /// </summary>
    public static void AddQuotations(Article article, TokenGrid grid, StwrType[] types)
    {
        var tokens = article.Tokens;
        var paired = new HashSet<int>();
        foreach (var q in article.Quotations)
        {
            paired.Add(q.OpenToken);
            paired.Add(q.CloseToken);
            var covered = grid.Tokens(q.Outer);
            if (covered.Length == 0) continue;
            int direct = 0;
            foreach (var t in covered) if ((types[t] & StwrType.Direct) != 0) direct++;
            if (direct * 2 >= covered.Length || !ReadsAsUtterance(article, q)) continue;
            foreach (var t in covered) types[t] |= StwrType.Direct;
        }
        // Unquoted speech after a colon that a verb of saying or thinking (or "folgendes", "Worte") announces
        // within five tokens: the next sentence is direct ("Ich dachte mir: Soll ich ihn wecken?").
        var verbs = ClauseVerbs.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var colonWords = ColonWords.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i + 1 < tokens.Length; i++)
        {
            if (article.Slice(tokens[i]) is not ":" || tokens[i + 1].Kind == TokenKind.Quote || !tokens[i + 1].Has(TokenFlags.Capitalized)) continue;
            bool announced = false;
            for (int k = i - 1, steps = 0; k >= 0 && steps < 5 && article.Slice(tokens[k]) is not ("." or "!" or "?" or ";" or ":"); k--, steps++)
            {
                var v = article.Slice(tokens[k]);
                if ((tokens[k].IsWord && !tokens[k].Has(TokenFlags.Capitalized) && verbs.Contains(v)) || colonWords.Contains(v)) { announced = true; break; }
            }
            if (!announced) continue;
            int end = i + 1;
            while (end + 1 < tokens.Length && tokens[end + 1].Kind != TokenKind.Quote)
            {
                end++;
                if (article.Slice(tokens[end]) is "." or "!" or "?") break;
            }
            foreach (var t in grid.Tokens(article.SpanOfTokens(i + 1, end))) types[t] |= StwrType.Direct;
        }
        bool seenMark = false;
        int previousClose = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Quote) continue;
            char mark = article.Text[tokens[i].Start];
            bool first = !seenMark;
            seenMark = true;
            int before = previousClose;
            previousClose = tokens[i].Has(TokenFlags.Closing) && !tokens[i].Has(TokenFlags.Opening) && !Hearsay.Text.CharClass.IsSingleQuote(mark) ? i : -1;
            if (Hearsay.Text.CharClass.IsSingleQuote(mark)) previousClose = before;
            if (paired.Contains(i) || Hearsay.Text.CharClass.IsSingleQuote(mark)) continue;
            // A closing mark right after another closing one: the opening mark between them is missing
            // (dropped in print or OCR); the text from the first capital after the earlier mark is the quotation.
            if (before >= 0 && previousClose == i && i - before > 2 && tokens[before + 1].Has(TokenFlags.Capitalized))
            {
                foreach (var t in grid.Tokens(article.SpanOfTokens(before + 1, i))) types[t] |= StwrType.Direct;
                continue;
            }
            if (first && i > 0 && tokens[i].Has(TokenFlags.Closing))
            {
                foreach (var t in grid.Tokens(article.SpanOfTokens(0, i))) types[t] |= StwrType.Direct;
            }
            else if (mark != '\u201C' && tokens[i].Has(TokenFlags.Opening) && i + 1 < tokens.Length && tokens[i + 1].Has(TokenFlags.Capitalized)
                && (i == 0 || article.Slice(tokens[i - 1]) is ":" or "." or "!" or "?"))
            {
                int end = i + 1;
                while (end < tokens.Length && tokens[end].Kind != TokenKind.Quote) end++;
                foreach (var t in grid.Tokens(article.SpanOfTokens(i, end - 1))) types[t] |= StwrType.Direct;
            }
        }
    }

    /// <summary>
    /// The frame of a direct quotation no event framed: a verb of Data/stwr-clause-verbs.tsv within four tokens after
    /// a closing mark ("«, sagte er") or within five before a colon that opens one ("Er rief: »…«") is a cue (the
    /// corpus's introductory expression); after the closing mark, the pronoun right after that verb, or a capitalized
    /// name with its determiner (at most three tokens), is the speaker.
    /// </summary>
    public static void AddQuoteFrames(Article article, TokenGrid grid, StwrType[] types, bool[] speaker, bool[] cue)
    {
        var verbs = ClauseVerbs.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var lex = AttributionLexicon.For(LanguageRegistry.Default.For("de"));
        var tokens = article.Tokens;
        bool Direct(int k) => grid.Tokens(tokens[k].Span) is { Length: > 0 } g && (types[g[0]] & StwrType.Direct) != 0;
        bool Verb(int k) => tokens[k].IsWord && !tokens[k].Has(TokenFlags.Capitalized) && verbs.Contains(article.Slice(tokens[k]));
        bool Cued(int k) => grid.Tokens(tokens[k].Span).Any(t => cue[t]);
        void Mark(bool[] layer, int first, int last) { foreach (var t in grid.Tokens(article.SpanOfTokens(first, last))) layer[t] = true; }
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Quote || !Direct(i)) continue;
            if (tokens[i].Has(TokenFlags.Closing))
            {
                for (int k = i + 1; k < tokens.Length && k <= i + 4 && tokens[k].Kind != TokenKind.Quote; k++)
                {
                    if (!Verb(k)) continue;
                    if (Cued(k)) break;
                    Mark(cue, k, k);
                    int m = k + 1;
                    if (m >= tokens.Length) break;
                    if (lex.Pronouns.TryGet(article.Slice(tokens[m]), out _)) { Mark(speaker, m, m); break; }
                    int j = m;
                    while (j < tokens.Length && j < m + 3 && tokens[j].IsWord
                           && (tokens[j].Has(TokenFlags.Capitalized) || (lex.Function.TryGet(article.Slice(tokens[j]), out var fc) && fc == FunctionClass.Determiner))) j++;
                    if (j > m && tokens[j - 1].Has(TokenFlags.Capitalized)) Mark(speaker, m, j - 1);
                    break;
                }
            }
            else if (tokens[i].Has(TokenFlags.Opening) && i > 0 && article.Slice(tokens[i - 1]) is ":")
            {
                for (int k = i - 2; k >= 0 && k >= i - 6 && article.Slice(tokens[k]) is not ("." or "!" or "?" or ";") && tokens[k].Kind != TokenKind.Quote; k--)
                    if (Verb(k)) { if (!Cued(k)) Mark(cue, k, k); break; }
            }
        }
    }

    private static bool ReadsAsUtterance(Article article, Quotation q)
    {
        int n = q.InnerTokenCount;
        if (n <= 0) return false;
        var tokens = article.Tokens;
        ReadOnlySpan<char> Word(int k) => k >= 0 && k < tokens.Length ? article.Slice(tokens[k]) : default;
        if (Word(q.OpenToken - 1) is "(") return false;
        if (Word(q.OpenToken - 1) is ":") return true;
        var last = Word(q.CloseToken - 1);
        if (last is "." or "!" or "?" or "…" or "..." or "–" or "--") return true;
        int punct = 0;
        bool lower = false;
        for (int k = q.OpenToken + 1; k < q.CloseToken; k++)
        {
            if (tokens[k].Kind == TokenKind.Punctuation) punct++;
            if (k > q.OpenToken + 1 && tokens[k].IsWord && !tokens[k].Has(TokenFlags.Capitalized)) lower = true;
        }
        return (n >= 3 && lower) || (n >= 7 && punct > 0);
    }

    /// <summary>A quotation that closes within two tokens before the cue or opens within three after it.</summary>
    private static Quotation? AdjacentQuote(Article article, SpeechEvent ev)
    {
        int first = article.TokenIndexAt(ev.Cue[0].Start), last = article.TokenIndexAt(ev.Cue[^1].End - 1);
        foreach (var q in article.Quotations)
            if ((q.CloseToken < first && q.CloseToken >= first - 2) || (q.OpenToken > last && q.OpenToken <= last + 3)) return q;
        return null;
    }

    /// <summary>The quotations the event's message overlaps.</summary>
    private static List<Quotation> QuotedMessage(Article article, SpeechEvent ev)
    {
        var list = new List<Quotation>();
        foreach (var q in article.Quotations)
            foreach (var m in ev.SpansOf(SpeechRole.Message))
                if (m.Overlaps(q.Inner)) { list.Add(q); break; }
        return list;
    }

    /// <summary>The span widened to the clause around it: up to the nearest comma, semicolon, colon, quotation
    /// mark, bracket or dash of its sentence on the right (the sentence's final punctuation included) and, if
    /// <paramref name="left"/>, on the left.</summary>
    private static TextSpan Clause(Article article, TextSpan span, bool left)
    {
        int si = article.SentenceIndexAt(span.Start);
        if (si < 0) return span;
        var sentence = article.Sentences[si];
        int first = article.TokenIndexAt(span.Start), last = article.TokenIndexAt(span.End - 1);
        bool Boundary(int k)
        {
            var w = article.Slice(article.Tokens[k]);
            return w.Length == 1 && (w[0] is ',' or ';' or ':' or '"' or '\u201E' or '\u201C' or '\u00BB' or '\u00AB' or '(' or ')' or '\u2013');
        }
        while (left && first - 1 >= sentence.FirstToken && !Boundary(first - 1)) first--;
        while (last + 1 < sentence.EndToken && !Boundary(last + 1)) last++;
        return span.Union(article.SpanOfTokens(first, last));
    }

    /// <summary>A message that reproduces a proposition: introduced by "dass"/"daß"/"ob" or carrying a Konjunktiv I form.</summary>
    private static bool IsIndirectMessage(Article article, SpeechEvent ev, WordMap<MoodForm> moods)
    {
        bool first = true;
        foreach (var span in ev.SpansOf(SpeechRole.Message))
            for (int k = article.TokenIndexAt(span.Start); k < article.Tokens.Length && article.Tokens[k].Start < span.End; k++)
            {
                var w = article.Slice(article.Tokens[k]);
                if (first && (w.Equals("dass", StringComparison.OrdinalIgnoreCase) || w.Equals("daß", StringComparison.OrdinalIgnoreCase) || w.Equals("ob", StringComparison.OrdinalIgnoreCase))) return true;
                first = false;
                if (moods.TryGet(w, out var m) && m == MoodForm.SubjunctiveI) return true;
            }
        return false;
    }

    private static void Classify(ErrorLog log, RwSample s, Detokenizer.Result text, StwrType[] predicted)
    {
        // Error classes are runs of tokens with the same (gold, predicted) disagreement.
        int i = 0;
        while (i < s.Tokens.Length)
        {
            var g = s.Types[i] & (StwrType.Direct | StwrType.Indirect | StwrType.FreeIndirect | StwrType.Reported);
            var p = predicted[i];
            if ((g & p) != 0 || (g == StwrType.None && p == StwrType.None)) { i++; continue; }
            int j = i;
            while (j + 1 < s.Tokens.Length && s.Types[j + 1] == s.Types[i] && predicted[j + 1] == p) j++;
            string cls = p == StwrType.None ? $"missed {TypeName(g)}" : g == StwrType.None ? $"spurious {TypeName(p)}" : $"{TypeName(p)} for {TypeName(g)}";
            int a = i, b = j;
            log.Add(cls, () => $"{Excerpt.Of(text.Text, text.Grid.Start(a), text.Grid.End(b))} ({s.File})");
            i = j + 1;
        }
    }

    private static string TypeName(StwrType t) => string.Join("+", Types.Where(x => (t & x.Type) != 0).Select(x => x.Name));

    private static void WritePrediction(string path, RwSample s, StwrType[] predicted, bool[] speaker, bool[] cue)
    {
        var sb = new StringBuilder("tok\tstwr\tspeaker\tintexpr\n");
        for (int i = 0; i < s.Tokens.Length; i++)
            sb.Append(s.Tokens[i]).Append('\t').Append(predicted[i] == StwrType.None ? "-" : string.Join("|", Types.Where(x => (predicted[i] & x.Type) != 0).Select(x => x.Name)))
              .Append('\t').Append(speaker[i] ? "speaker" : "-").Append('\t').Append(cue[i] ? "intexpr" : "-").Append('\n');
        File.WriteAllText(path, sb.ToString());
    }
}
