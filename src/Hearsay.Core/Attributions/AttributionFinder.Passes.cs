using Hearsay.Document;

namespace Hearsay.Attributions;

internal sealed partial class AttributionFinder
{
    private static readonly string[] BackwardPronounsDe = { "das", "dies", "so", "dieses" };
    private static readonly string[] BackwardPronounsEn = { "this", "that", "so" };

    // ---------------------------------------------------------------- pass 1: quotations and their frames

    private void QuoteFrame(int q)
    {
        var quote = a.Quotations[q];
        if (quoteUsed[q]) return;
        int open = quote.OpenToken, close = quote.CloseToken;
        if (quote.InnerTokenCount < 1) return;

        // After the closing mark: „…“, sagte X / „…“, so X / "…," Smith said / "…," said Smith
        int k = close + 1;
        if (v.IsComma(k) || v.Is(k, '?') || v.Is(k, '!')) k++;
        // English: a frame never opens the next paragraph ("“…” ¶ Caddell continued: “…”" frames the next quote)
        bool nextParagraph = !v.German && k < v.Count && v.T[k].Has(TokenFlags.ParagraphBefore);
        int limit = k < v.Count ? SentenceEnd(k) : v.Count;
        if (k < limit && !nextParagraph && FrameAfter(q, k, limit)) return;

        // Before the opening mark: X sagte: „…“ / X said, "…"
        int b = open - 1;
        if (v.Is(b, ':') || v.IsComma(b)) b--;
        if (b >= 0 && (v.Is(open - 1, ':') || v.IsComma(open - 1) || v.Verb(b) is not null))
        {
            int sStart = SentenceOf(open).FirstToken;
            // English "Caddell continued:" closing the paragraph before the quotation
            if (!v.German && sStart > b && v.Is(open - 1, ':')) sStart = SentenceOf(open - 1).FirstToken;
            if (sStart <= b && FrameBefore(q, b, sStart)) return;
            if (v.German && v.Is(open - 1, ':') && sStart < open - 1) ColonQuote(q, sStart);
        }
    }

    // Rule (was a switch, always on): Quotations after a colon with no cue verb (wikinews-de-quotes dev unchanged, train Messages 0.715 → 0.717).

    /// <summary>
    /// A quoted sentence after a colon whose clause has no verb of saying (German): "Koppelin wörtlich: „…“", "Erkki
    /// Tuomioja, Präsident des Rats: „…“", "Die Firma empfindet die Kritik als ungerechtfertigt: „…“". The noun
    /// phrase that opens the clause speaks when it names a person, an organization or a role, or is a pronoun; the
    /// colon is the cue.
    /// </summary>
    private void ColonQuote(int q, int sentenceStart)
    {
        var quote = a.Quotations[q];
        if (quote.InnerTokenCount < 4 || !IsSentenceLike(quote) && quote.InnerTokenCount < 8) return;
        int colon = quote.OpenToken - 1;
        int cs = ClauseStartOverQuotes(colon, sentenceStart);
        int s0 = v.SkipAdverbs(cs, colon);
        while (s0 < colon && v.Fn(s0) == FunctionClass.Conjunction) s0++;
        int np = v.NounPhrase(s0, colon);
        if (np <= s0) return;
        if (v.IsComma(np)) np = Apposition(np, colon);
        if (v.IsComma(np)) np = LastBeforeVerbEnd(s0, np + 1);
        bool named = v.MentionIn(s0, np) >= 0 || np - s0 == 1 && v.IsPronoun(s0)
                     || Classify(s0, np, v.Head(s0, np), out _) is not (SourceKind.Unknown or SourceKind.Document);
        if (!named) return;
        var att = New(AttributionKind.Direct, colon, colon + 1, QuoteContent(quote));
        SetSource(att, s0, np);
        att.Signals |= SpeechSignals.Colon;
        quoteUsed[q] = true;
        att.ContentParts.Add(QuoteContent(quote));
    }

    private int SentenceEnd(int token)
    {
        var s = SentenceOf(token);
        return s.EndToken;
    }

    private bool FrameAfter(int q, int k, int limit)
    {
        var quote = a.Quotations[q];
        // A one-word quote counts only with a comma frame: „Ja“, sagte sie.
        if (quote.InnerTokenCount < 2 && !IsSentenceLike(quote) && !v.IsComma(quote.CloseToken + 1)) return false;
        // German and English inversion: the cue comes first.
        if (ResolveCue(k, limit, out var form, out int particle))
        {
            var att = New(AttributionKind.Direct, k, k + 1, QuoteContent(quote));
            if (particle >= 0) { att.CueParticle = v.T[particle].Span; cueUsed[particle] = true; }
            var (s, e) = SubjectAfter(k + 1, limit);
            if (s < 0 && !v.German)
            {
                (s, e) = (-1, -1);
            }
            SetSource(att, s, e);
            quoteUsed[q] = true;
            att.ContentParts.Add(QuoteContent(quote));
            FrameTail(att, Math.Max(e, Math.Max(k + 1, particle + 1)), limit);
            SplitQuote(att, e > 0 ? e : k + 1, limit);
            return true;
        }
        // "„…“, so charakterisierte ihn X": "so" before an inverted cue
        if (v.German && v.Is(k, "so") && ResolveCue(k + 1, limit, out _, out int soParticle))
        {
            var att = New(AttributionKind.Direct, k + 1, k + 2, QuoteContent(quote));
            AttachParticle(att, soParticle);
            int after = k + 2;
            while (after < limit && v.IsPronoun(after)) after++;   // "so charakterisierte ihn der …"
            var (s, e) = SubjectAfter(after, soParticle > 0 ? soParticle : limit);
            SetSource(att, s, e);
            quoteUsed[q] = true;
            att.ContentParts.Add(QuoteContent(quote));
            FrameTail(att, Math.Max(e, k + 2), limit);
            return true;
        }
        // "„…“, hatte VW-Chef Winterkorn in einem Interview erklärt": an auxiliary first, the participle last
        if (v.German && v.Fn(k) == FunctionClass.Auxiliary)
        {
            int p = k + 1;
            while (p < limit && !v.IsClauseBreak(p) && !v.IsTerminal(p) && !v.IsQuote(p)) p++;
            int participle = p - 1;
            if (participle > k + 1 && v.Verb(participle) is { } forms && forms.Any(f => f.Participle))
            {
                var att = New(AttributionKind.Direct, participle, participle + 1, QuoteContent(quote));
                var (s, e) = SubjectAfter(k + 1, participle);
                SetSource(att, s, e);
                quoteUsed[q] = true;
                att.ContentParts.Add(QuoteContent(quote));
                FrameTail(att, Math.Max(e, k + 1), participle);
                return true;
            }
        }
        // "…“, so X
        if (v.German && v.Is(k, "so") && v.NounPhrase(k + 1, limit) is var np && np > 0)
        {
            var att = New(AttributionKind.Direct, k, k + 1, QuoteContent(quote));
            SetSource(att, k + 1, np);
            quoteUsed[q] = true;
            att.ContentParts.Add(QuoteContent(quote));
            FrameTail(att, np, limit);
            return true;
        }
        // English: "…," Smith said / "…," the official told CNN
        if (!v.German)
        {
            int npEnd = v.NounPhrase(k, limit);
            if (npEnd > k)
            {
                int verb = v.SkipAdverbs(npEnd, limit);
                // "Rep. Gwen Moore (D-Wis.) said", "Smith, a spokesman, said"
                if (v.Is(verb, '('))
                {
                    int close = verb;
                    while (close < limit && !v.Is(close, ')')) close++;
                    if (close < limit) { npEnd = close + 1; verb = v.SkipAdverbs(close + 1, limit); }
                }
                else if (v.IsComma(verb))
                {
                    int app = Apposition(npEnd, limit);
                    if (app > npEnd && v.IsComma(app)) { npEnd = app; verb = v.SkipAdverbs(app + 1, limit); }
                }
                // auxiliaries: "…,” Smith has said
                while (verb < limit && v.Fn(verb) == FunctionClass.Auxiliary) verb++;
                if (!IsNounUse(verb) && ResolveCue(verb, limit, out _, out int part))   // "…” Trump’s comments, which …" is no frame
                {
                    var att = New(AttributionKind.Direct, verb, verb + 1, QuoteContent(quote));
                    if (part >= 0) { att.CueParticle = v.T[part].Span; cueUsed[part] = true; }
                    SetSource(att, k, npEnd);
                    quoteUsed[q] = true;
                    att.ContentParts.Add(QuoteContent(quote));
                    FrameTail(att, Math.Max(verb + 1, part + 1), limit);
                    SplitQuote(att, verb + 1, limit);
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The quoted words without a trailing comma that English style puts inside the marks.</summary>
    private TextSpan QuoteContent(Quotation q)
    {
        int last = q.CloseToken - 1;
        while (last > q.OpenToken + 1 && v.IsComma(last)) last--;
        return a.SpanOfTokens(q.OpenToken + 1, last);
    }

    private bool IsSentenceLike(Quotation q)
    {
        for (int k = q.OpenToken + 1; k < q.CloseToken; k++) if (v.IsTerminal(k)) return true;
        return false;
    }

    /// <summary>A frame before the quote: the cue verb in the clause that ends at <paramref name="b"/>.</summary>
    private bool FrameBefore(int q, int b, int sentenceStart)
    {
        var quote = a.Quotations[q];
        if (quote.InnerTokenCount < 2) return false;
        int cs = ClauseStartOverQuotes(b + 1, sentenceStart);
        // "… mit den Worten: „…“" — the words are the cue, the clause's subject the speaker
        int worten = -1;
        for (int j = Math.Max(cs + 2, 2); j <= b && v.German; j++)
            if (v.Is(j, "Worten") && v.Is(j - 2, "mit") && !cueUsed[j]) { worten = j; break; }
        if (worten > 0)
        {
            int verbAt = -1;
            for (int j = cs; j < worten - 2; j++) if (v.IsLowerWord(j) && v.Fn(j) == FunctionClass.None) { verbAt = j; break; }
            var att = New(AttributionKind.Direct, worten - 2, worten + 1, QuoteContent(quote));
            var (s0, e0) = verbAt > cs ? SubjectBefore(verbAt, cs) : (-1, -1);
            if (s0 < 0 && verbAt > 0) (s0, e0) = SubjectAfter(verbAt + 1, worten - 2);
            // "Die Frankfurter Rundschau zitiert einen Augenzeugen mit den Worten": the cited one speaks, the
            // citing outlet relays.
            if (verbAt > 0 && v.Verb(verbAt) is { } vf && vf.Any(f => f.Lemma == "zitieren") && v.NounPhrase(verbAt + 1, worten - 2) is var obj && obj > verbAt + 1)
            {
                SetSource(att, verbAt + 1, obj);
                if (s0 >= 0) att.Relays.Add(new Relay { Span = Span(a, s0, verbAt + 1), Name = Span(a, s0, e0), EntityId = v.MentionIn(s0, e0) is var rm && rm >= 0 ? a.Mentions[rm].EntityId : -1 });
            }
            else if (s0 >= 0) SetSource(att, s0, e0); else InheritSource(att, worten - 2);
            quoteUsed[q] = true;
            att.ContentParts.Add(QuoteContent(quote));
            return true;
        }
        for (int k = b; k >= cs; k--)
        {
            if (cueUsed[k]) continue;
            if (!ResolveCue(k, b + 1, out var form, out int particle, requireParticleAtEnd: false)) continue;
            var att = New(AttributionKind.Direct, k, k + 1, QuoteContent(quote));
            if (particle >= 0) { att.CueParticle = v.T[particle].Span; cueUsed[particle] = true; }
            var (s, e) = SubjectBefore(k, cs);
            if (s < 0) (s, e) = SubjectAfter(k + 1, b + 1);
            if (s < 0) InheritSource(att, k);
            else SetSource(att, s, e);
            quoteUsed[q] = true;
            att.ContentParts.Add(QuoteContent(quote));
            FrameTail(att, Math.Max(k + 1, e), b + 1);
            return true;
        }
        return false;
    }

    /// <summary>Like <see cref="ClauseStart"/>, but a closed quotation inside the clause ("laut „BBC“") does not end it.</summary>
    private int ClauseStartOverQuotes(int i, int sentenceStart)
    {
        int k = i - 1;
        while (k >= sentenceStart)
        {
            if (v.IsQuote(k) && quoteAtClose[k] >= 0 && a.Quotations[quoteAtClose[k]].OpenToken >= sentenceStart)
            {
                k = a.Quotations[quoteAtClose[k]].OpenToken - 1;
                continue;
            }
            if (v.IsClauseBreak(k) || v.IsQuote(k) || v.IsDash(k)) break;
            k--;
        }
        return k + 1;
    }

    /// <summary>„Q1“, sagte X, „Q2“: the second quote of the same sentence joins the first's content.</summary>
    private void SplitQuote(Attribution att, int from, int limit)
    {
        for (int k = from; k < limit; k++)
        {
            int q = quoteAtOpen[k];
            if (q < 0) continue;
            if (quoteUsed[q]) return;
            var quote = a.Quotations[q];
            quoteUsed[q] = true;
            att.ContentParts.Add(QuoteContent(quote));
            att.Content = att.Content.Union(QuoteContent(quote));
            return;
        }
    }

    /// <summary>English headlines in title case capitalize their verbs too: "Obama Says Museum Will Tell …",
    /// "…, Lindsey Graham Says". A capitalized word counts as a verb there when most words of the title are
    /// capitalized.</summary>
    private bool InTitleCaseHeadline(int k)
    {
        if (v.German || a.Structure.Title is not { } title || !title.Contains(v.T[k].Span) || !v.IsCap(k)) return false;
        // after a name or a closing quote, never after "Will", "To" or "Could" ("… Museum Will Tell …")
        if (k == 0 || !(v.IsCap(k - 1) && v.Fn(k - 1) == FunctionClass.None || v.IsQuote(k - 1) || v.IsComma(k - 1))) return false;
        if (titleCase == 0)
        {
            int caps = 0, lower = 0;
            for (int t = a.TokenIndexAt(title.Start); t < v.Count && v.T[t].Start < title.End; t++)
            {
                if (!v.IsWord(t) || v.Fn(t) is FunctionClass.Determiner or FunctionClass.Preposition or FunctionClass.Conjunction) continue;
                if (v.IsCap(t)) caps++; else lower++;
            }
            titleCase = (byte)(caps >= 3 && lower * 4 <= caps ? 1 : 2);
        }
        return titleCase == 1;
    }

    private byte titleCase;   // 0 not yet known, 1 the title is in title case, 2 it is not

    /// <summary>Whether token k is a usable reporting-verb cue; finds the particle of a separable verb.</summary>
    private bool ResolveCue(int k, int limit, out VerbForm form, out int particle, bool requireParticleAtEnd = true)
    {
        form = null!;
        particle = -1;
        if (k < 0 || k >= v.Count || cueUsed[k]) return false;
        var forms = v.Verb(k, k == SentenceOf(k).FirstToken || InTitleCaseHeadline(k));
        if (forms is null) return false;
        // A separable verb whose particle closes the clause wins over the plain verb of the same form
        // ("forderten … auf" is aufFORDERN, not fordern).
        VerbForm? plain = null;
        foreach (var f in forms)
        {
            if (f.Particle is null) { plain ??= f; continue; }
            int end = k + 1;
            // German: the particle closes the clause, or the first of two coordinated ones ("wies … zurück und …")
            while (end < limit && !v.IsClauseBreak(end) && !v.IsQuote(end) && !v.IsTerminal(end)
                   && !(v.German && end > k + 1 && (v.Is(end, "und") || v.Is(end, "oder")) && v.Is(end - 1, f.Particle))) end++;
            for (int p = end - 1; p > k; p--)
            {
                if (v.Is(p, f.Particle)) { form = f; particle = p; return true; }
                if (requireParticleAtEnd && v.German) break;
            }
            if (!v.German && v.Is(k + 1, f.Particle)) { form = f; particle = k + 1; return true; }
            // German verb-final clauses written apart: "wie das Ministerium bekannt gab", "als er zurück trat"
            if (v.German && v.Is(k - 1, f.Particle) && !cueUsed[k - 1] && (k + 1 >= v.Count || v.IsClauseBreak(k + 1) || v.IsTerminal(k + 1) || v.IsQuote(k + 1)))
            { form = f; particle = k - 1; return true; }
        }
        if (plain is not null) { form = plain; return true; }
        return false;
    }

    /// <summary>Medium and relay after the frame's subject: "im Staatsfernsehen", "in einer Diskussion auf
    /// dem Kanal Eins", "told CNN", "in a statement", ", wie die New York Post berichtete".</summary>
    private void FrameTail(Attribution att, int from, int limit)
    {
        int k = from;
        int mediumStart = -1, mediumEnd = -1;
        while (k < limit)
        {
            if (v.Fn(k) is FunctionClass.Adverb or FunctionClass.Negation) { k++; continue; }
            // "laut einem Bericht von Focus" names who passed the statement on (a relay), not its medium
            if (v.Is(k, "laut") || v.Is(k, "gemäß") || v.Is(k, "according")) break;
            if (v.Fn(k) == FunctionClass.Preposition || (!v.German && k == from && IsTold(att)))
            {
                int npStart = v.Fn(k) == FunctionClass.Preposition ? k + 1 : k;
                int np = v.NounPhrase(npStart, limit);
                if (np < 0) break;
                if (IsMediumPhrase(npStart, np))
                {
                    if (mediumStart < 0) mediumStart = k;
                    mediumEnd = np;
                }
                else if (mediumStart >= 0 && mediumEnd == k) { /* a PP after the medium that is not one */ }
                k = np;
                continue;
            }
            if (v.IsComma(k) && (v.Is(k + 1, "wie") || v.Is(k + 1, "as")))
            {
                int verb = ReportClause(k + 1, limit);
                if (verb > 0)
                {
                    // "as first reported by The Local": the agent after "by" is the relay
                    if (!v.German && v.Is(verb + 1, "by") && v.NounPhrase(verb + 2, limit) is var agent && agent > verb + 2)
                    {
                        int m = v.MentionIn(verb + 2, agent);
                        att.Relays.Add(new Relay { Span = Span(a, k + 1, agent), Name = Span(a, verb + 2, agent), EntityId = m >= 0 ? a.Mentions[m].EntityId : -1 });
                        cueUsed[verb] = true;
                        k = agent;
                        continue;
                    }
                    int np = v.NounPhrase(k + 2, limit);
                    AddRelay(att, k + 1, verb, k + 2, np);
                    k = verb + 1;
                    continue;
                }
            }
            break;
        }
        if (mediumStart >= 0) SetMedium(att, mediumStart, mediumEnd);
    }

    private bool IsTold(Attribution att) =>
        a.Text.AsSpan(att.Cue.Start, att.Cue.Length).Equals("told", StringComparison.OrdinalIgnoreCase)
        || a.Text.AsSpan(att.Cue.Start, att.Cue.Length).Equals("tells", StringComparison.OrdinalIgnoreCase);

    private bool IsMediumPhrase(int start, int end)
    {
        int m = v.MentionIn(start, end);
        if (m >= 0 && a.Mentions[m].EntityId >= 0 && a.Entities[a.Mentions[m].EntityId].Type == EntityType.Media) return true;
        for (int k = start; k < end; k++)
        {
            if (!v.IsWord(k)) continue;
            if ((v.IsCap(k) || !v.German) && v.Lex.MediaNouns.TryGet(v.S(k), out _, out _)) return true;
        }
        return false;
    }

    private void SetMedium(Attribution att, int start, int end)
    {
        att.Medium = Span(a, start, end);
        for (int k = start; k < end; k++)
        {
            int m = v.MentionAt[k];
            if (m >= 0 && a.Mentions[m].EntityId >= 0 && a.Entities[a.Mentions[m].EntityId].Type == EntityType.Media)
            {
                att.MediumEntityId = a.Mentions[m].EntityId;
                break;
            }
        }
    }

    private void AddRelay(Attribution att, int from, int verb, int npStart, int npEnd)
    {
        var relay = new Relay { Span = Span(a, from, verb + 1) };
        if (npEnd > npStart)
        {
            relay.Name = Span(a, npStart, npEnd);
            int m = v.MentionIn(npStart, npEnd);
            if (m >= 0) relay.EntityId = a.Mentions[m].EntityId;
        }
        att.Relays.Add(relay);
        cueUsed[verb] = true;
    }

    /// <summary>A coordinated verb without its own subject ("… und fügte hinzu") shares the source of the
    /// previous attribution in the sentence, or the sentence's first noun phrase.</summary>
    private void InheritSource(Attribution att, int verb)
    {
        var s = SentenceOf(verb);
        Attribution? prev = null;
        for (int h = a.Attributions.Count - 1; h >= 0 && h >= a.Attributions.Count - 64; h--)
        {
            var other = a.Attributions[h];
            if (other == att) continue;
            if (other.Cue.Start < v.T[verb].Start && other.Cue.Start >= s.Span.Start && (prev is null || other.Cue.Start > prev.Cue.Start)) prev = other;
        }
        if (prev is not null)
        {
            att.Source = prev.Source;
            return;
        }
        int np = v.NounPhrase(s.FirstToken, verb);
        if (np > s.FirstToken) SetSource(att, s.FirstToken, np);
    }
}
