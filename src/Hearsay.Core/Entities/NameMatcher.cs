using Hearsay.Document;

namespace Hearsay.Entities;

/// <summary>
/// Finds gazetteer names in the tokens: at each word, walks the <see cref="NameTrie"/> and keeps the
/// longest alias that fits ("New York Post" over "New York"). A word may match in its plain form,
/// inside a name in its adjective base (German "Vereinigten" for the alias word "Vereinigte") or, as the
/// last word of a name, its genitive base ("Nordkoreas", "Kim Jong-uns", "Putin's"). Where no alias starts, one-word
/// compounds are tried: direction prefixes ("Ostukraine", "nordostsyrischen"), hyphen compounds with
/// a geographic head ("Donbass-Region") and adjectives inside hyphen compounds ("US-amerikanische",
/// "russisch-ukrainischen").
/// A hyphen compound with any other head ("Ukraine-Krieg", "Putin-Regime", "Nato-Gipfel", "EU-weit") names
/// a war, a regime, a summit, not the country or person, which appears in it only as a modifier: the
/// known name that leads it is a <see cref="MentionKind.Modifier"/> mention (GermEval's "-part").
/// </summary>
internal sealed class NameMatcher
{
    private readonly EntityContext _c;
    private readonly NameTrie _trie;
    private const int MaxNameTokens = 12;

    public NameMatcher(EntityContext context)
    {
        _c = context;
        _trie = context.Gazetteer.Trie;
    }

    private struct Match
    {
        public bool Found;
        public int End;
        public AliasPayload Payload;
        public bool Genitive;
    }

    /// <summary>Adds the gazetteer candidates of the article: whole names to <paramref name="names"/>,
    /// short forms (valid only after a full mention) to <paramref name="shorts"/>, adjectives inside
    /// hyphen compounds to <paramref name="parts"/>.</summary>
    public void Find(List<Candidate> names, List<Candidate> shorts, List<Candidate> parts)
    {
        var tokens = _c.Tokens;
        foreach (var sent in _c.Article.Sentences)
        {
            for (int i = sent.FirstToken; i < sent.EndToken; i++)
            {
                if (tokens[i].Kind is not (TokenKind.Word or TokenKind.Url)) continue;   // "spiegel.de" is an alias too
                Match best = default, shortBest = default;
                Walk(NameTrie.Root, i, i, sent.EndToken, ref best, ref shortBest);
                if (best.Found)
                {
                    var kind = best.Payload.Kind switch
                    {
                        AliasKind.Adjective => MentionKind.Adjective,
                        AliasKind.Metonym => MentionKind.Metonym,
                        _ => MentionKind.Name,
                    };
                    names.Add(Candidate.Gazetteer(i, best.End, tokens, best.Payload.Entry, kind, best.Genitive));
                }
                else if (tokens[i].Kind == TokenKind.Word && tokens[i].Length <= NameKeys.MaxLength)
                {
                    Compound(i, names, parts);
                }
                if (shortBest.Found && (!best.Found || shortBest.End > best.End))
                    shorts.Add(Candidate.Gazetteer(i, shortBest.End, tokens, shortBest.Payload.Entry, MentionKind.PartialName, shortBest.Genitive));
            }
        }
    }

    private void Walk(int node, int t, int start, int end, ref Match best, ref Match shortBest)
    {
        var ids = _c.WordIds;
        for (int v = 0; v < 3; v++)
        {
            int id = ids[3 * t + v];
            if (id < 0 || (v > 0 && id == ids[3 * t]) || (v == 2 && id == ids[3 * t + 1])) continue;
            int child = _trie.Step(node, id);
            if (child < 0) continue;
            bool genitive = v == 2;
            var terminals = _trie.Terminals(child);
            // The adjective base only serves inside a name ("Vereinigten Staaten"): "Kronen" is not "Krone".
            if (!terminals.IsEmpty && v != 1) Consider(terminals, start, t + 1, genitive, ref best, ref shortBest);
            if (!genitive && t + 1 < end && t + 1 - start < MaxNameTokens && !_c.Tokens[t + 1].Has(TokenFlags.LineBefore))
                Walk(child, t + 1, start, end, ref best, ref shortBest);
        }
    }

    private void Consider(ReadOnlySpan<AliasPayload> terminals, int start, int end, bool genitive, ref Match best, ref Match shortBest)
    {
        foreach (var p in terminals)
        {
            if (p.Tokens != end - start || !CaseFits(p, start)) continue;
            if (p.Kind == AliasKind.Ambiguous && !Confirmed(p, start, end)) continue;
            if (p.Kind == AliasKind.Short)
            {
                if (!shortBest.Found || end > shortBest.End) shortBest = new Match { Found = true, End = end, Payload = p, Genitive = genitive };
            }
            else if (!best.Found || end > best.End)
            {
                best = new Match { Found = true, End = end, Payload = p, Genitive = genitive };
            }
        }
    }

    /// <summary>Alias words written with a capital need a capital in the text; all-caps alias words (acronyms) need all caps.</summary>
    private bool CaseFits(in AliasPayload p, int start)
    {
        var tokens = _c.Tokens;
        var text = _c.Text;
        for (int k = 0; k < p.Tokens; k++)
        {
            ulong bit = 1UL << k;
            if ((p.CapitalMask & bit) != 0 && !char.IsUpper(text[tokens[start + k].Start])) return false;
            if ((p.AllCapsMask & bit) != 0 && !tokens[start + k].Has(TokenFlags.AllCaps)) return false;
        }
        return true;
    }

    /// <summary>An ambiguous name ("Bild", "Spiegel", "Essen") counts when quoted, written in capitals, right
    /// after a cue word ("Zeitung", "laut", optionally with an article between), or, for a place, right after a preposition.</summary>
    private bool Confirmed(in AliasPayload p, int start, int end)
    {
        var tokens = _c.Tokens;
        int prev = start - 1;
        if (prev >= 0 && tokens[prev].Kind == TokenKind.Quote && tokens[prev].Has(TokenFlags.Opening)
            && end < tokens.Length && tokens[end].Kind == TokenKind.Quote)
            return true;
        if (p.AllCapsMask == 0)
        {
            bool caps = true;
            for (int k = start; k < end && caps; k++) caps = tokens[k].Has(TokenFlags.AllCaps) || !_c.IsWord(k);
            if (caps) return true;
        }
        var entry = _c.Gazetteer.Entries[p.Entry];
        if (entry.Type is EntityType.Place or EntityType.Country)
            return _c.ClassOf(prev) == WordClass.Preposition;
        int cue = prev;
        if (_c.ClassOf(cue) is WordClass.Article) cue--;
        if (!_c.IsWord(cue)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _c.Lexicon.NameCues.Contains(_c.Key(cue, buf));
    }

    /// <summary>One-word compounds: direction prefixes, geographic heads, adjectives in hyphen compounds.</summary>
    private void Compound(int i, List<Candidate> names, List<Candidate> parts)
    {
        var tok = _c.Tokens[i];
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        bool capital = char.IsUpper(_c.Text[tok.Start]);

        if (tok.Has(TokenFlags.Hyphenated))
        {
            // Adjectives in a hyphen compound: "US-amerikanischen", "russisch-ukrainischen", "pro-russische".
            bool any = false;
            int partStart = 0;
            for (int k = 0; k <= key.Length; k++)
            {
                if (k < key.Length && key[k] != '-') continue;
                var part = key[partStart..k];
                if (part.Length >= 4 && TrySingle(part, out var p, adjective: true))
                {
                    var cand = Candidate.Gazetteer(i, i + 1, _c.Tokens, p.Entry, MentionKind.Adjective, false);
                    cand.Start = tok.Start + partStart;
                    cand.Stop = tok.Start + k;
                    parts.Add(cand);
                    any = true;
                }
                partStart = k + 1;
            }
            if (any || !capital) return;

            int last = key.LastIndexOf('-');
            var head = key[(last + 1)..];
            var modifier = key[..last];
            // "Donbass-Region", "Gaza-Streifen": a place with a geographic head names the place.
            if (_c.Lexicon.GeoHeads.Contains(head) && (TryPlace(modifier, out var place, out _) || TryDirected(modifier, out place)))
            {
                names.Add(Candidate.Gazetteer(i, i + 1, _c.Tokens, place.Entry, MentionKind.Name, false));
                return;
            }
            // "Ost-Ukraine"
            if (IsDirection(modifier) && TryPlace(head, out place, out bool genitiveHead))
            {
                names.Add(Candidate.Gazetteer(i, i + 1, _c.Tokens, place.Entry, MentionKind.Name, genitiveHead));
                return;
            }
            // "Nato-Gipfel", "US-Präsident", "EU-weit": the known name is the modifier of the word.
            if (Lead(_trie, key, _c.Surface(i), ambiguous: false) is { } lead)
            {
                var cand = Candidate.Gazetteer(i, i + 1, _c.Tokens, lead.Payload.Entry, MentionKind.Modifier, false);
                cand.Stop = tok.Start + lead.Length;
                names.Add(cand);
            }
            return;
        }

        // "Ostukraine", "Nordostsyriens", "ostukrainischen"
        if (_c.Lexicon.DirectionPrefixes.Length == 0) return;
        foreach (var prefix in _c.Lexicon.DirectionPrefixes)
        {
            if (key.Length - prefix.Length < 4 || !key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = key[prefix.Length..];
            if (capital && TryPlace(rest, out var place, out bool genitive))
            {
                names.Add(Candidate.Gazetteer(i, i + 1, _c.Tokens, place.Entry, MentionKind.Name, genitive));
                return;
            }
            if (TrySingle(rest, out var adj, adjective: true))
            {
                names.Add(Candidate.Gazetteer(i, i + 1, _c.Tokens, adj.Entry, MentionKind.Adjective, false));
                return;
            }
        }
    }

    /// <summary>The known name that leads a hyphen compound ("Nato" in "Nato-Gipfel", "Uefa-Cup" in
    /// "Uefa-Cup-Teilnahme"): the longest run of its first parts that is a one-word alias, written as the alias
    /// wants it (capitals, or all capitals for an acronym), with the run's length in characters. Ambiguous
    /// aliases ("Bild") count only with <paramref name="ambiguous"/>.</summary>
    internal static (AliasPayload Payload, int Length)? Lead(NameTrie trie, ReadOnlySpan<char> key, ReadOnlySpan<char> surface, bool ambiguous)
    {
        for (int dash = key.LastIndexOf('-'); dash > 0; dash = key[..dash].LastIndexOf('-'))
        {
            int node = trie.Step(NameTrie.Root, trie.WordId(key[..dash]));
            if (node < 0) continue;
            foreach (var p in trie.Terminals(node))
            {
                if (p.Tokens != 1 || !(p.Kind == AliasKind.Name || ambiguous && p.Kind == AliasKind.Ambiguous)) continue;
                if ((p.CapitalMask & 1) != 0 && !char.IsUpper(surface[0])) continue;
                if ((p.AllCapsMask & 1) != 0 && HasLower(surface[..dash])) continue;
                return (p, dash);
            }
        }
        return null;
    }

    private static bool HasLower(ReadOnlySpan<char> s)
    {
        foreach (char ch in s) if (char.IsLower(ch)) return true;
        return false;
    }

    private bool IsDirection(ReadOnlySpan<char> key)
    {
        foreach (var p in _c.Lexicon.DirectionPrefixes)
            if (key.SequenceEqual(p)) return true;
        return false;
    }

    private bool TryDirected(ReadOnlySpan<char> key, out AliasPayload place)
    {
        foreach (var prefix in _c.Lexicon.DirectionPrefixes)
            if (key.Length - prefix.Length >= 4 && key.StartsWith(prefix, StringComparison.Ordinal) && TryPlace(key[prefix.Length..], out place, out _))
                return true;
        place = default;
        return false;
    }

    /// <summary>A one-word country or place name, also in its genitive form (<paramref name="genitive"/>: "Südlibanons").</summary>
    private bool TryPlace(ReadOnlySpan<char> key, out AliasPayload place, out bool genitive)
    {
        genitive = false;
        if (TrySingle(key, out place, adjective: false)) return true;
        genitive = true;
        if (_c.German && key.Length > 4 && key[^1] == 's')
        {
            if (TrySingle(key[..^1], out place, adjective: false)) return true;
            if (key[^2] == 'e' && TrySingle(key[..^2], out place, adjective: false)) return true;
        }
        genitive = false;
        return false;
    }

    /// <summary>A one-word alias of a country or place: a name, or an adjective when <paramref name="adjective"/>.</summary>
    private bool TrySingle(ReadOnlySpan<char> key, out AliasPayload payload, bool adjective)
    {
        int child = _trie.Step(NameTrie.Root, _trie.WordId(key));
        if (child >= 0)
        {
            foreach (var p in _trie.Terminals(child))
            {
                if (p.Tokens != 1) continue;
                if (adjective ? p.Kind != AliasKind.Adjective : p.Kind != AliasKind.Name) continue;
                if (_c.Gazetteer.Entries[p.Entry].Type is not (EntityType.Country or EntityType.Place)) continue;
                payload = p;
                return true;
            }
        }
        payload = default;
        return false;
    }
}
