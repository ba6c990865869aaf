using Hearsay.Document;

namespace Hearsay.Attributions;

/// <summary>
/// Finds attributions with rules over tokens, quotations and entity mentions. Order of the passes:
/// <list type="number">
/// <item>quotations and their frames (",“ sagte X", "X sagte: „…“", a partial quote inside a cue's clause);</item>
/// <item>per sentence: according-to phrases ("laut X", "X zufolge", "nach Angaben X", "…, so X", "according to X");</item>
/// <item>per sentence: reporting verbs not yet used (dass/that clauses, verb-second clauses, postposed
///   "…, sagte X", backward "Das behauptete X", ", wie X berichtete" relays);</item>
/// <item>unframed quotations that continue the previous speaker;</item>
/// <item>nesting (an attribution inside another's content).</item>
/// </list>
/// </summary>
internal sealed partial class AttributionFinder
{
    private readonly TokenView v;
    private readonly Article a;
    private readonly bool[] cueUsed;
    private readonly bool[] quoteUsed;
    private readonly int[] quoteAtOpen;   // token -> quotation index opening there, or -1
    private readonly int[] quoteAtClose;  // token -> quotation index closing there, or -1
    private readonly int[] insideQuote;   // token -> index of the innermost quotation around it, or -1

    public AttributionFinder(Article article, AttributionLexicon lex)
    {
        a = article;
        v = new TokenView(article, lex);
        cueUsed = new bool[article.Tokens.Length];
        quoteUsed = new bool[article.Quotations.Count];
        quoteAtOpen = new int[article.Tokens.Length];
        Array.Fill(quoteAtOpen, -1);
        quoteAtClose = new int[article.Tokens.Length];
        insideQuote = new int[article.Tokens.Length];
        Array.Fill(quoteAtClose, -1);
        Array.Fill(insideQuote, -1);
        for (int q = 0; q < article.Quotations.Count; q++)
        {
            var quote = article.Quotations[q];
            quoteAtOpen[quote.OpenToken] = q;
            quoteAtClose[quote.CloseToken] = q;
            for (int k = quote.OpenToken + 1; k < quote.CloseToken; k++) insideQuote[k] = q;
        }
    }

    public void Run()
    {
        for (int q = 0; q < a.Quotations.Count; q++) QuoteFrame(q);
        foreach (var s in a.Sentences) AccordingTo(s);
        for (int si = 0; si < a.Sentences.Length; si++) VerbCues(si);
        Continuations();
        FreeIndirect();
        Finish();
    }

    // ---------------------------------------------------------------- helpers

    private Attribution New(AttributionKind kind, int cueStart, int cueEnd, TextSpan content)
    {
        var att = new Attribution
        {
            Id = a.Attributions.Count,
            Kind = kind,
            Cue = a.SpanOfTokens(cueStart, cueEnd - 1),
            Content = content,
        };
        for (int k = cueStart; k < cueEnd; k++) cueUsed[k] = true;
        a.Attributions.Add(att);
        return att;
    }

    private Sentence SentenceOf(int token)
    {
        int si = a.SentenceIndexAt(v.T[token].Start);
        return si >= 0 ? a.Sentences[si] : new Sentence(v.T[token].Span, token, 1, -1);
    }

    private int SentenceIndexOf(int token) => a.SentenceIndexAt(v.T[token].Start);

    /// <summary>Sets the source from the noun phrase [start, end).</summary>
    private void SetSource(Attribution att, int start, int end)
    {
        if (start < 0 || end <= start) return;
        var src = att.Source;
        src.Span = a.SpanOfTokens(start, end - 1);
        src.MentionId = v.MentionIn(start, end);
        var head = v.Head(start, end);
        src.Kind = Classify(start, end, head, out var roleToken);
        if (roleToken >= 0) src.Role = RoleSpan(roleToken);
        if (src.MentionId >= 0)
        {
            var m = a.Mentions[src.MentionId];
            src.EntityId = m.EntityId;
        }
    }

    private TextSpan RoleSpan(int token) => v.T[token].Span;

    /// <summary>What kind of source a noun phrase names.</summary>
    private SourceKind Classify(int start, int end, int head, out int roleToken)
    {
        roleToken = -1;
        for (int k = start; k < end; k++)
            if (v.IsCap(k) && v.Lex.Roles.TryGet(v.S(k), out _, out _)) { roleToken = k; break; }
            else if (!v.German && v.IsWord(k) && v.Lex.Roles.TryGetExact(v.S(k), out _)) { roleToken = k; break; }
        int m = v.MentionIn(start, end);
        if (m >= 0 && a.Mentions[m].EntityId >= 0)
        {
            var e = a.Entities[a.Mentions[m].EntityId];
            switch (e.Type)
            {
                case EntityType.Person: return SourceKind.Person;
                case EntityType.Media: return roleToken >= 0 ? SourceKind.Person : SourceKind.Media;
                case EntityType.Organization: return roleToken >= 0 ? SourceKind.Person : SourceKind.Organization;
                case EntityType.Country:
                case EntityType.Place:
                    if (roleToken < 0 && !HeadIsSourceNoun(head, out _)) return SourceKind.Organization;
                    break;
            }
        }
        if (end - start == 1 && v.IsPronoun(start))
        {
            v.Lex.Pronouns.TryGet(v.S(start), out var g);
            return g == Gender.Plural ? SourceKind.Vague : g == Gender.Neuter ? SourceKind.Organization : SourceKind.Person;
        }
        // A singular role ("ein Klimaforscher", "der Beobachter") is a person even where the plural form
        // of the same word is a vague crowd.
        if (roleToken >= 0 && IsSingularDeterminer(start) && v.Lex.Roles.TryGet(v.S(roleToken), out var sg, out _) && !sg.Group && sg.Gender != Gender.Plural)
            return SourceKind.Person;
        if (HeadIsSourceNoun(head, out var kind))
        {
            // "eine Quelle" is anonymous; "Quellen" and "Experten" are vague; "Einem Bericht" a document.
            return kind switch
            {
                NounSourceKind.Vague => SourceKind.Vague,
                NounSourceKind.Anonymous => SourceKind.Anonymous,
                NounSourceKind.Document => SourceKind.Document,
                _ => SourceKind.Organization,
            };
        }
        if (roleToken >= 0)
        {
            v.Lex.Roles.TryGet(v.S(roleToken), out var role, out _);
            if (role.Group || role.Gender == Gender.Plural)
                return NamedWithin(start, end) ? SourceKind.Person : SourceKind.Vague;
            return SourceKind.Person;
        }
        // A capitalized name the entity stage did not type: a person only when it is all name ("Igor Korotchenko").
        if (NamedWithin(start, end) && AllCapitalized(start, end) && v.Fn(start) != FunctionClass.Determiner) return SourceKind.Person;
        return SourceKind.Unknown;
    }

    private bool NamedWithin(int start, int end)
    {
        int caps = 0;
        for (int k = start; k < end; k++)
            if (v.IsCap(k) && v.Fn(k) == FunctionClass.None && !v.Lex.Roles.TryGetExact(v.S(k), out _) && !v.Lex.SourceNouns.TryGetExact(v.S(k), out _)) caps++;
        return v.German ? caps >= 2 : caps >= 1;
    }

    private bool IsSingularDeterminer(int k) =>
        v.Is(k, "ein") || v.Is(k, "eine") || v.Is(k, "einem") || v.Is(k, "einer") || v.Is(k, "eines") || v.Is(k, "der") || v.Is(k, "des") || v.Is(k, "dem")
        || v.Is(k, "a") || v.Is(k, "an");

    private bool AllCapitalized(int start, int end)
    {
        for (int k = start; k < end; k++) if (!v.IsCap(k)) return false;
        return true;
    }

    private bool HeadIsSourceNoun(int head, out NounSourceKind kind)
    {
        kind = default;
        if (!v.IsWord(head)) return false;
        if (v.German && !v.IsCap(head)) return false;
        return v.German ? v.Lex.SourceNouns.TryGet(v.S(head), out kind, out _) : v.Lex.SourceNouns.TryGetExact(v.S(head), out kind);
    }

    /// <summary>The subject of a finite verb at <paramref name="verb"/> in a German verb-second or English SVO
    /// clause: the noun phrase that ends right before the verb and starts the clause.</summary>
    private (int Start, int End) SubjectBefore(int verb, int clauseStart)
    {
        int end = verb;
        // A parenthesis or a comma-enclosed apposition or relative clause right before the verb belongs to the
        // subject: "Patrick Kamanda (NEMA) sagte", "Marcelo Ebrard, der Bürgermeister von Mexiko-Stadt, teilte mit".
        int start = clauseStart;
        // English: a participle clause in commas is the circumstance, not part of the subject ("Trump, speaking to a
        // veterans group in Virginia, said …")
        if (!v.German && v.IsComma(end - 1) && ParticipleClauseBefore(end - 1) is var (ps, pe) && ps >= 0) return (ps, pe);
        if (v.Is(end - 1, ')') || v.IsComma(end - 1))
        {
            int back = SubjectStartBefore(end - 1);
            if (back >= 0) start = Math.Min(start, back);
        }
        while (start < end && (v.Fn(start) is FunctionClass.Conjunction or FunctionClass.Adverb || v.IsQuote(start) || v.IsDash(start)
                               || (!v.German && v.Fn(start) == FunctionClass.Subordinator && !v.Is(start, "that") && start + 1 < end)   // "when he said …"
                               || (v.German && v.Fn(start) == FunctionClass.Subordinator && !v.Is(start, "dass") && !v.Is(start, "wie")
                                   && (v.IsComma(verb + 1) || v.IsTerminal(verb + 1))))) start++;
        if (start >= end) return (-1, -1);
        int np = v.NounPhrase(start, end);
        // English coordinated subjects: "Federal and state officials said", "Experts on Korea and nonproliferation said"
        while (!v.German && np > start && np < end - 1 && (v.Is(np, "and") || v.Is(np, "or")))
        {
            int next = v.NounPhrase(np + 1, end);
            if (next <= np + 1) break;
            // "his aides": a possessive pronoun with its noun
            while (next < end && v.IsPronoun(next - 1) && v.IsLowerWord(next) && v.Fn(next) == FunctionClass.None && v.Verb(next) is null) next++;
            np = next;
        }
        // German verb-second puts objects first too: "Der Zeitung sagte Filep Karma: …" — a dative prefield
        // with a named person after the verb leaves the subject to the inverted position.
        if (v.German && np == end && (v.Is(start, "dem") || v.Is(start, "einem") || v.Is(start, "einer") || (v.Is(start, "der") && !IsSingularMasculineHead(start, end)))
            && PersonAfter(verb)) return (-1, -1);
        if (np == end || (np > 0 && !v.German && np >= end - 1 && v.Fn(end - 1) != FunctionClass.Conjunction && v.Verb(end - 1) is null)) return (start, np);
        if (np > 0 && Modifiers(np, end)) return (start, LastBeforeVerbEnd(start, end));
        // A relative pronoun speaks for the noun before it: "an architect who said …", "der Sprecher, der sagte …".
        if (end - 1 >= 0 && v.Fn(end - 1) == FunctionClass.Relative)
        {
            int nEnd = v.IsComma(end - 2) ? end - 2 : end - 1;
            for (int j = Math.Max(0, nEnd - 8); j < nEnd; j++)
                if (v.NounPhrase(j, nEnd) == nEnd && (j == 0 || !v.IsCap(j - 1) || v.Fn(j) == FunctionClass.Determiner)) return (j, nEnd);
        }
        // English: the last noun phrase before the verb after a long lead-in without a comma
        // ("In a meeting with the board of the Post Trump said"): a name run right before the verb.
        if (!v.German)
        {
            // ... or the subject of a subordinate clause: "The crowd cheered when she said …"
            for (int sub = end - 2; sub >= start; sub--)
            {
                if (v.IsClauseBreak(sub) || v.IsQuote(sub)) break;
                if (v.Fn(sub) != FunctionClass.Subordinator || v.Is(sub, "that")) continue;
                if (v.NounPhrase(sub + 1, end) == end) return (sub + 1, end);
                break;
            }
            int j = end - 1;
            while (j >= start && v.IsNameWord(j)) j--;
            if (j + 1 < end && j + 1 > start && v.MentionIn(j + 1, end) >= 0) return (j + 1, end);
        }
        return (-1, -1);
    }

    /// <summary>", speaking to …," before the comma at <paramref name="close"/>: the noun phrase before the participle
    /// clause, or (-1, -1).</summary>
    private (int Start, int End) ParticipleClauseBefore(int close)
    {
        int k = close - 1;
        while (k >= 0 && !v.IsComma(k)) { if (v.IsTerminal(k) || v.IsQuote(k) || v.Is(k, ':') || close - k > 20) return (-1, -1); k--; }
        if (k < 1 || !v.IsLowerWord(k + 1) || !v.S(k + 1).EndsWith("ing", StringComparison.Ordinal) || v.Fn(k + 1) != FunctionClass.None) return (-1, -1);
        for (int t = k + 1; t < close; t++) if (v.Fn(t) == FunctionClass.Auxiliary) return (-1, -1);
        int j = k - 1;
        while (j >= 0 && !(v.IsClauseBreak(j) || v.IsQuote(j) || v.IsDash(j) || v.IsTerminal(j))) j--;
        int s0 = j + 1;
        while (s0 < k && v.Fn(s0) is FunctionClass.Conjunction or FunctionClass.Adverb) s0++;
        return s0 < k && v.NounPhrase(s0, k) == k ? (s0, k) : (-1, -1);
    }

    private bool PersonAfter(int verb)
    {
        int k = v.SkipAdverbs(verb + 1, Math.Min(v.Count, verb + 8));
        int np = v.NounPhrase(k, Math.Min(v.Count, verb + 12));
        if (np <= k) return false;
        int m = v.MentionIn(k, np);
        if (m >= 0 && a.Mentions[m].EntityId >= 0) return a.Entities[a.Mentions[m].EntityId].Type == EntityType.Person;
        // an unknown name: two or more name words and no determiner ("Filep Karma")
        return np - k >= 2 && v.Fn(k) != FunctionClass.Determiner && AllNames(k, np);
    }

    /// <summary>"der Sprecher" (nominative masculine) against "der Zeitung" (dative feminine): a role noun of
    /// masculine gender, or a known masculine name, reads as nominative.</summary>
    private bool IsSingularMasculineHead(int start, int end)
    {
        for (int k = start + 1; k < end; k++)
        {
            if (!v.IsCap(k)) continue;
            if (v.Lex.Roles.TryGet(v.S(k), out var role, out _)) return role.Gender == Gender.Masculine;
            int m = v.MentionAt[k];
            if (m >= 0 && a.Mentions[m].EntityId >= 0 && a.Entities[a.Mentions[m].EntityId].Type == EntityType.Person) return true;
        }
        return false;
    }

    private int LastBeforeVerbEnd(int start, int end)
    {
        while (end > start && v.IsComma(end - 1)) end--;
        return end;
    }

    /// <summary>Walks back over "( … )" or ", … ," before <paramref name="close"/> to the start of the clause
    /// holding the noun phrase they modify; -1 when the enclosed part is not a modifier.</summary>
    private int SubjectStartBefore(int close)
    {
        int k = close - 1;
        if (v.Is(close, ')'))
        {
            while (k >= 0 && !v.Is(k, '(')) { if (v.IsTerminal(k)) return -1; k--; }
            if (k < 0) return -1;
        }
        else
        {
            while (k >= 0 && !v.IsComma(k)) { if (v.IsTerminal(k) || v.IsQuote(k) || v.Is(k, ':')) return -1; k--; }
            if (k < 0) return -1;
            // the enclosed part is an apposition or a relative clause: it starts with a determiner, a relative
            // pronoun or a role noun
            int first = k + 1;
            bool modifier = v.Fn(first) is FunctionClass.Determiner or FunctionClass.Relative || v.IsCap(first) && v.Lex.Roles.TryGet(v.S(first), out _, out _)
                            || AllNames(first, close);
            // English appositions are often bare: "The state's campaign chairman, Phil Lovas, said"
            if (!modifier && !v.German)
            {
                modifier = true;
                for (int t = first; t < close; t++) if (v.Verb(t) is not null || v.Fn(t) == FunctionClass.Auxiliary) { modifier = false; break; }
            }
            if (!modifier) return -1;
        }
        // the noun phrase before it starts after the previous clause break
        int j = k - 1;
        while (j >= 0 && !(v.IsClauseBreak(j) || v.IsQuote(j) || v.IsDash(j) || v.IsTerminal(j))) j--;
        return j + 1 < k ? j + 1 : -1;
    }

    private bool AllNames(int start, int end)
    {
        if (end - start is < 1 or > 5) return false;
        for (int t = start; t < end; t++) if (!v.IsNameWord(t) && !v.Is(t, '.')) return false;
        return true;
    }

    /// <summary>Whether [k, end) holds only modifiers of a noun phrase: prepositional phrases, a genitive, a
    /// parenthesis, an apposition or relative clause in commas — no verb.</summary>
    private bool Modifiers(int k, int end)
    {
        while (k < end)
        {
            if (v.Verb(k) is not null || v.Fn(k) == FunctionClass.Auxiliary && !InCommas(k, end)) return false;
            if (v.Fn(k) == FunctionClass.Preposition || v.Fn(k) == FunctionClass.Determiner)
            {
                int np = v.NounPhrase(v.Fn(k) == FunctionClass.Preposition ? k + 1 : k, end);
                if (np < 0) return false;
                k = np;
                continue;
            }
            if (v.Is(k, '('))
            {
                while (k < end && !v.Is(k, ')')) k++;
                k++;
                continue;
            }
            if (v.IsComma(k))
            {
                int c = k + 1;
                while (c < end && !v.IsComma(c)) c++;
                if (c >= end - 1 || c == end) { k = c; continue; }
                k = c + 1;
                continue;
            }
            if (v.IsCap(k) || v.IsAdjectiveLike(k) || v.T[k].Kind == TokenKind.Number) { k++; continue; }
            return false;
        }
        return true;
    }

    private bool InCommas(int k, int end)
    {
        int l = k, r = k;
        while (l >= 0 && !v.IsComma(l) && !v.IsTerminal(l)) l--;
        while (r < end && !v.IsComma(r)) r++;
        return l >= 0 && v.IsComma(l) && r < end;
    }

    /// <summary>The subject after an inverted verb: "sagte der russische Experte …", "said Smith".</summary>
    private (int Start, int End) SubjectAfter(int after, int limit)
    {
        int k = v.SkipAdverbs(after, limit);
        int np = v.NounPhrase(k, limit);
        if (np <= k) return (-1, -1);
        if (v.German) return (k, Apposition(np, limit));
        // English: a party label in parentheses, then the role ("said Rep. G.K. Butterfield (D-N.C.), head of the
        // Congressional Black Caucus.")
        if (v.Is(np, '('))
        {
            int close = np;
            while (close < limit && close - np <= 8 && !v.Is(close, ')') && !v.IsTerminal(close)) close++;
            if (v.Is(close, ')')) np = close + 1;
        }
        int app = Apposition(np, limit);
        // ... and an apposition to the apposition, closing the sentence ("…, president of the American Action Forum,
        // a conservative, pro-growth advocacy group.")
        if (app > np && v.IsComma(app))
        {
            int j = app + 1;
            while (j < limit && !v.IsTerminal(j) && !v.IsQuote(j) && v.Verb(j) is null && v.Fn(j) != FunctionClass.Auxiliary && j - app <= 12) j++;
            if ((j >= limit || v.IsTerminal(j)) && j > app + 1 && v.Fn(app + 1) == FunctionClass.Determiner) app = j;
        }
        return (k, app);
    }

    /// <summary>Extends a name over an apposition that gives its role: "Maria Lopez, a spokeswoman for the
    /// Treasury," / "Igor Korotchenko, ein russischer Militärexperte,".</summary>
    private int Apposition(int np, int limit)
    {
        if (!v.IsComma(np) || np + 1 >= limit) return np;
        int k = np + 1;
        // a bare name in commas ("des Sprechers, Roland Eichhorn,") is an apposition too
        int close = k;
        while (close < limit && !v.IsComma(close) && !v.IsTerminal(close) && close - k < 5) close++;
        if (close < limit && v.IsComma(close) && AllNames(k, close)) return close;
        // English appositions are often bare: "Elena Castro, head of the cooperative," / "Megan Hester, senior
        // associate for education organizing at the Annenberg Institute,"
        if (!v.German) return EnglishApposition(np, k, limit);
        if (v.Fn(k) != FunctionClass.Determiner) return np;
        int end = k;
        bool role = false;
        while (end < limit && !v.IsClauseBreak(end) && !v.IsTerminal(end) && !v.IsQuote(end))
        {
            if (v.IsWord(end) && (v.German ? v.IsCap(end) && v.Lex.Roles.TryGet(v.S(end), out _, out _) : v.Lex.Roles.TryGetExact(v.S(end), out _))) role = true;
            if (v.Verb(end) is not null) return np;
            end++;
        }
        return role && end - k <= 10 ? end : np;
    }

    /// <summary>An English apposition after a name and a comma at <paramref name="k"/>: a phrase up to the next comma,
    /// the sentence end or a quotation that names a role ("a spokeswoman for the Treasury", "head of the
    /// cooperative", "senior associate at X") within its first words, with no verb before the role; a relative
    /// clause after the role belongs to it ("a physicist who is co-director of …"). Returns its end, else
    /// <paramref name="np"/>.</summary>
    private int EnglishApposition(int np, int k, int limit)
    {
        bool relative = v.Is(k, "who");   // "Luis Rubio, who heads the Center of Research …,"
        if (v.IsPronoun(k) && !relative || v.IsCap(k) && v.MentionAt[k] >= 0 && !v.Lex.Roles.TryGetExact(v.S(k), out _) && v.Fn(k) != FunctionClass.Determiner) return np;
        int end = k;
        int role = -1;
        while (end < limit && !v.IsComma(end) && !v.Is(end, ';') && !v.Is(end, ':') && !v.IsTerminal(end) && !v.IsQuote(end) && !v.IsDash(end) && end - k <= 25)
        {
            if (role < 0 && !relative)
            {
                if (v.Verb(end) is not null || v.Fn(end) is FunctionClass.Auxiliary or FunctionClass.Relative or FunctionClass.Subordinator) return np;
                if (v.IsWord(end) && v.Lex.Roles.TryGetExact(v.S(end), out _)) { role = end; if (role - k > 5) return np; }
            }
            end++;
        }
        // "said Charlie King, a prominent New York Democrat.": a determined phrase closing the sentence describes the name
        if (role < 0 && !relative && v.Fn(k) == FunctionClass.Determiner && v.IsTerminal(end) && end - k >= 2 && end - k <= 12) return end;
        if (role < 0 && !relative || end - k > 25) return np;
        return end;
    }

    /// <summary>Start of the clause that holds token i: after the last comma, colon, semicolon, quote or dash before it within the sentence.</summary>
    private int ClauseStart(int i, int sentenceStart)
    {
        int k = i - 1;
        while (k >= sentenceStart && !(v.IsClauseBreak(k) || v.IsQuote(k) || v.IsDash(k))) k--;
        return k + 1;
    }

    /// <summary>End of a reported clause from <paramref name="i"/>: the sentence end, or before a coordinated
    /// cue ("und fügte hinzu"), a relay clause (", wie X berichtete"), a postposed frame (", so X") or a
    /// closing frame quote.</summary>
    private int ContentEnd(int i, int sentenceEnd)
    {
        int k = i;
        int end = sentenceEnd;
        while (end > i && (v.IsTerminal(end - 1) || (v.IsQuote(end - 1) && v.T[end - 1].Has(TokenFlags.Closing) && OpenBefore(end - 1) < i))) end--;
        for (; k < end; k++)
        {
            if (v.Is(k, "und") || v.Is(k, "and"))
            {
                int j = v.SkipAdverbs(k + 1, end);
                if (v.Verb(j) is not null && !v.Verb(j)![0].Participle) return Trim(i, k);
            }
            if (!v.German && k > i + 1 && !InsideQuote(k) && (v.Is(k, "but") || v.Is(k, "and") && v.NounPhrase(i, k) == k)
                && SecondPredicateAt(k + 1, end)) return Trim(i, k);
            if (!v.German && k > i + 1 && !InsideQuote(k) && (v.Is(k, ';') || v.IsComma(k) && EnglishClauseAfter(k + 1, end))) return Trim(i, k);
            if (v.IsComma(k))
            {
                if ((v.Is(k + 1, "wie") || v.Is(k + 1, "as")) && ReportClause(k + 1, end) > 0) return Trim(i, k);
                // The author's own explanation after the reported clause: "…, denn bisher gibt es …" (indicative).
                if (v.German && k > i + 2 && (v.Is(k + 1, "denn") || v.Is(k + 1, "weil") || v.Is(k + 1, "obwohl") || v.Is(k + 1, "nachdem") || v.Is(k + 1, "bevor") || v.Is(k + 1, "sodass"))
                    && (MoodOf(k + 1, end) & SpeechSignals.SubjunctiveI) == 0) return Trim(i, k);
                if (v.German && v.Is(k + 1, "so") && v.NounPhrase(k + 2, end) > 0 && PostposedEnds(k + 2, end)) return Trim(i, k);
                // English ", the source added." / ", officials said."
                if (!v.German && v.NounPhrase(k + 1, end) is var np2 && np2 > k + 1 && v.Verb(v.SkipAdverbs(np2, end)) is not null && IsClauseEndAt(v.SkipAdverbs(np2, end) + 1, end)) return Trim(i, k);
                if (v.Verb(k + 1) is { } vf && !vf[0].Participle && (v.SkipAdverbs(k + 2, end) is var s && (v.NounPhrase(s, end) > 0)) && FrameEnds(k + 1, end)) return Trim(i, k);
            }
        }
        return Trim(i, end);
    }

    // Rule (was a switch, always on): Where PolNeAR's English contents end (dev split): before a semicolon and before a comma that opens the
    // author's own clause — a contrast ("…, but still lost the election", "…, though she acknowledged …"), a
    // participle clause of the frame ("…, saying …", "…, citing …"), a relative clause closing the sentence ("…,
    // which makes him an outlier") or a new clause with its own cue ("…, and he urged North Korea to …").

    // Rule (was a switch, always on): Where PolNeAR's English contents end (dev split): before "and"/"but" opening a second predicate
    // without a subject — the frame's subject goes on acting ("… said they want justice, but pledged to remain
    // civil", "… chastised Clinton but did not recommend prosecution"); after "and" only when the content is a noun
    // phrase ("has promised a veto and attempted to …"), as a reported clause coordinates its own predicates
    // ("that it agitated Trump and exposed a clear vulnerability").

    /// <summary>A verb phrase without its own subject at j: adverbs, then an auxiliary ("has since left", "did not
    /// recommend") or a past form in -ed followed by what a verb takes (an article, a pronoun, "to", "that", a
    /// preposition: "pledged to", "disclosed them"), never by a bare noun ("and armed police").</summary>
    private bool SecondPredicateAt(int j, int end)
    {
        while (j < end && (v.Fn(j) is FunctionClass.Adverb or FunctionClass.Negation || IsMidAdverb(j))) j++;
        if (j >= end) return false;
        if (v.Fn(j) == FunctionClass.Auxiliary) return true;
        if (!v.IsLowerWord(j) || v.Fn(j) != FunctionClass.None || v.T[j].Length <= 4 || !v.S(j).EndsWith("ed", StringComparison.Ordinal)) return false;
        int n = j + 1;
        return n < end && (v.Fn(n) is FunctionClass.Determiner or FunctionClass.Preposition or FunctionClass.Subordinator or FunctionClass.Adverb
                           || v.IsPronoun(n) || v.Is(n, "to") || v.Is(n, "that"));
    }

    private bool EnglishClauseAfter(int j, int end)
    {
        if (j >= end) return false;
        if (v.Is(j, "but") || v.Is(j, "though") || v.Is(j, "although") || v.Is(j, "whereas") || v.Is(j, "while")) return true;
        int w = v.IsLowerWord(j) && v.S(j).EndsWith("ly", StringComparison.Ordinal) ? j + 1 : j;   // "…, implicitly putting …"
        if (v.IsLowerWord(w) && v.T[w].Length > 4 && v.S(w).EndsWith("ing", StringComparison.Ordinal) && v.Fn(w) == FunctionClass.None) return true;
        if (v.Is(j, "which") || v.Is(j, "who"))
        {
            for (int k = j + 1; k < end; k++) if (v.IsComma(k) || v.IsQuote(k)) return false;
            return true;
        }
        if (v.Is(j, "and") || v.Is(j, "or"))
        {
            int np = v.NounPhrase(j + 1, end);
            if (np <= j + 1) return false;
            int k = np;
            while (k < end && (v.Fn(k) is FunctionClass.Auxiliary or FunctionClass.Adverb or FunctionClass.Negation || IsMidAdverb(k))) k++;
            return v.Verb(k) is not null && !IsNounUse(k);
        }
        return false;
    }

    private bool IsClauseEndAt(int k, int end)
    {
        // Adverbs and up to three prepositional phrases, English ones joined by a participle: "on Monday", "in an
        // interview published on Monday", "during a live talk show on the state channel Russia-1".
        for (int pp = 0; pp < 3 && k < end; pp++)
        {
            while (k < end && (v.Fn(k) is FunctionClass.Adverb || (v.IsWord(k) && v.S(k).EndsWith("day", StringComparison.OrdinalIgnoreCase)))) k++;
            if (pp > 0 && !v.German && k + 1 < end && v.IsLowerWord(k) && v.S(k).EndsWith("ed", StringComparison.Ordinal) && v.Fn(k + 1) == FunctionClass.Preposition) k++;
            if (k < end && v.Fn(k) == FunctionClass.Preposition && v.NounPhrase(k + 1, end) is var np && np > k + 1) k = np;
            else break;
        }
        return k >= end || v.IsTerminal(k) || v.IsComma(k) || v.IsQuote(k);
    }

    /// <summary>Konjunktiv forms in [start, end) (German), for deciding where reported content ends.</summary>
    private SpeechSignals MoodOf(int start, int end) => Mood(start, end);

    private int OpenBefore(int closeToken)
    {
        int q = quoteAtClose[closeToken];
        return q >= 0 ? a.Quotations[q].OpenToken : -1;
    }

    private int Trim(int start, int end)
    {
        while (end > start)
        {
            if (v.IsClauseBreak(end - 1) || v.IsDash(end - 1)) { end--; continue; }
            // a closing mark whose quotation opened before the content belongs to the frame, not the content
            if (v.IsQuote(end - 1) && v.T[end - 1].Has(TokenFlags.Closing) && OpenBefore(end - 1) is var o && o >= 0 && o < start) { end--; continue; }
            break;
        }
        return end;
    }

    /// <summary>", wie X berichtete" / "as X reported": returns the verb token, or -1.</summary>
    private int ReportClause(int wie, int end)
    {
        // "Wie schon die WHO sagte": an adverb before the subject
        int np0 = v.NounPhrase(v.German ? v.SkipAdverbs(wie + 1, end) : wie + 1, end);
        if (np0 < 0) return -1;
        int np = Apposition(np0, end);
        // after an apposition in commas the verb follows its closing comma: "wie der Direktor, Smith Dharmmasaroj, mitteilte"
        if (v.IsComma(np) && np + 1 < end && (v.Verb(np + 1) is null || v.German && np > np0)) np++;
        int k = v.SkipAdverbs(np, end);
        // German puts the verb last ("wie die New York Post berichtete", "wie Experten betonen"); English after the subject.
        for (int j = k; j < Math.Min(end, k + 4); j++)
        {
            if (v.IsClauseBreak(j)) break;
            // of two verb-like words in a row the last is the verb: "bekannt gab", whose particle the cue model may take for a verb
            if (v.Verb(j) is not null) return v.German && j + 1 < end && !v.IsClauseBreak(j + 1) && v.Verb(j + 1) is not null ? j + 1 : j;
        }
        return -1;
    }

    /// <summary>Whether a postposed frame's subject at <paramref name="npStart"/> closes the sentence: after the
    /// noun phrase only prepositional phrases (medium, time, place), adverbs, an apposition or a relay clause may follow.</summary>
    private bool PostposedEnds(int npStart, int end)
    {
        int np = v.NounPhrase(npStart, end);
        if (np < 0) return false;
        int k = Apposition(np, end);
        while (k < end)
        {
            if (v.IsTerminal(k) || v.IsQuote(k)) return true;
            if (v.Fn(k) is FunctionClass.Adverb or FunctionClass.Negation) { k++; continue; }
            if (v.IsWord(k) && (v.S(k).EndsWith("day", StringComparison.OrdinalIgnoreCase) || v.Lex.Months.Contains(v.S(k)))) { k++; continue; }
            if (v.Fn(k) == FunctionClass.Preposition)
            {
                // a German possessive is a determiner here, not a pronoun: "bei seinem Besuch in Moskau"
                int det = v.German && v.IsPronoun(k + 1) && v.Fn(k + 1) == FunctionClass.Determiner && !v.IsComma(k + 2) ? k + 2 : k + 1;
                int pp = v.NounPhrase(det, end);
                if (pp < 0) return false;
                k = pp;
                continue;
            }
            if (v.IsComma(k))
            {
                if (v.Is(k + 1, "wie") || v.Is(k + 1, "as")) return true;
                return true; // a new clause after the frame ("…, sagte er, und …")
            }
            if (!v.German && (v.Is(k, "reporters") || v.MentionAt[k] >= 0)) { k = v.MentionAt[k] >= 0 ? v.MentionEnd[k] : k + 1; continue; }
            return false;
        }
        return true;
    }

    private bool FrameEnds(int verb, int end) => PostposedEnds(v.SkipAdverbs(verb + 1, end), end);

    private bool IsFinite(VerbForm[] forms) => forms.Any(f => !f.Participle);

    private static TextSpan Span(Article a, int first, int endExclusive) => a.SpanOfTokens(first, endExclusive - 1);
}
