using Hearsay.Document;

namespace Hearsay.Entities;

/// <summary>
/// Settles the candidates into mentions and entities:
/// <list type="number">
/// <item>overlaps: earliest start, then longest, then gazetteer before rule;</item>
/// <item>capitals used for their government ("Moskaus Erwartungen", "Pjöngjang plane ...") become metonyms of the state;</item>
/// <item>role nouns and nationality adjectives right before a person's name are recorded on the mention and entity;</item>
/// <item>one entity per gazetteer entry or per name found from the text (a genitive form merges with the plain one);</item>
/// <item>then, on words no mention holds yet: gazetteer short forms of entities already named ("Kim"),
/// surnames and repeated full names of persons found from the text ("Korotchenko"), and acronyms
/// introduced in parentheses after an organization ("Institut für Weltwirtschaft (IfW)").</item>
/// </list>
/// Entities are numbered in order of their first mention; mentions are in text order.
/// </summary>
internal sealed class EntityResolver
{
    private readonly EntityContext _c;
    private readonly Token[] _tokens;
    private readonly bool[] _claimed;
    /// <summary>Per token: index into the selected list of the whole-token mention starting there, or -1.</summary>
    private readonly int[] _selectedAt;
    private readonly List<Candidate> _selected = new();
    private readonly Dictionary<int, Draft> _byEntry = new();
    private readonly Dictionary<string, Draft> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Draft>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly List<Draft> _drafts = new();

    private sealed class Draft
    {
        public int Entry = -1;
        public string? Key;
        public EntityType Type;
        public Gender Gender;
        public string? Subtype;
        public string? Country;
        /// <summary>Word keys of the full name (names found from the text).</summary>
        public string[]? Words;
        public readonly List<MentionDraft> Mentions = new(4);
        public List<string>? Roles;
        public List<string>? Attributes;
        public int FirstStart
        {
            get
            {
                int first = int.MaxValue;
                foreach (var m in Mentions) first = Math.Min(first, m.Start);
                return first;
            }
        }
    }

    private sealed record MentionDraft(int Start, int Stop, int FirstToken, int EndToken, MentionKind Kind, TextSpan? Role, Draft Owner);

    public EntityResolver(EntityContext context)
    {
        _c = context;
        _tokens = context.Tokens;
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _claimed = context.RentBools(_tokens.Length);
        _selectedAt = context.RentInts(_tokens.Length, -1);
    }

    public void Resolve(List<Candidate> candidates, List<Candidate> shorts, List<Candidate> parts)
    {
        Select(candidates, parts);
        if (!_c.German) EnglishNameBounds();
        for (int k = 0; k < _selected.Count; k++) Metonymy(k);
        for (int k = 0; k < _selected.Count; k++) AddMention(_selected[k]);
        ShortForms(shorts);
        Surnames();
        Acronyms();
        Emit();
    }

    // ---- 1. overlaps -----------------------------------------------------------------------------

    private void Select(List<Candidate> candidates, List<Candidate> parts)
    {
        candidates.Sort(static (a, b) =>
            a.First != b.First ? a.First.CompareTo(b.First)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Rank.CompareTo(b.Rank));
        foreach (var cand in candidates)
        {
            if (!Free(cand.First, cand.End)) continue;
            Claim(cand.First, cand.End);
            _selectedAt[cand.First] = _selected.Count;
            _selected.Add(cand);
        }
        // Adjectives inside a hyphen compound ("russisch-ukrainischen") share their token.
        foreach (var part in parts)
            if (!_claimed[part.First]) _selected.Add(part);
        foreach (var part in parts) _claimed[part.First] = true;
    }

    private bool Free(int first, int end)
    {
        for (int k = first; k < end; k++) if (_claimed[k]) return false;
        return true;
    }

    private void Claim(int first, int end)
    {
        for (int k = first; k < end; k++) _claimed[k] = true;
    }

    // ---- 1b. English name bounds ------------------------------------------------------------------

    /// <summary>In English, capitals inside a sentence mark names, so a known name right next to another
    /// capitalized word is part of a longer name nobody knows ("Paris Agreement", "Trump Tower", "Sony
    /// Australia", "CNN Style"): such a mention is dropped. A capitalized direction word before a country
    /// or place joins its mention ("East Africa"). Persons only look ahead: a title or role stands before them.</summary>
    private void EnglishNameBounds()
    {
        int kept = 0;
        for (int k = 0; k < _selected.Count; k++)
        {
            var cand = _selected[k];
            bool whole = cand.Stop - cand.Start == _tokens[cand.End - 1].End - _tokens[cand.First].Start;
            if (cand.Kind == MentionKind.Name && whole && !_c.InTitleCase(cand.First))
            {
                var type = cand.Entry >= 0 ? _c.Gazetteer.Entries[cand.Entry].Type : cand.Type;
                var sent = _c.SentenceOf(cand.First);
                int prev = cand.First - 1;
                bool drop = cand.End < sent.EndToken && IsContinuation(cand.End);
                if (!drop && type != EntityType.Person && prev >= sent.FirstToken && !_claimed[prev] && IsContinuation(prev))
                {
                    if (type is EntityType.Country or EntityType.Place && IsDirectionWord(prev))
                    {
                        cand.First = prev;
                        cand.Start = _tokens[prev].Start;
                        _claimed[prev] = true;
                    }
                    else drop = true;
                }
                if (drop) continue;
            }
            _selected[kept++] = cand;
        }
        _selected.RemoveRange(kept, _selected.Count - kept);
        _selectedAt.AsSpan(0, _tokens.Length).Fill(-1);
        for (int k = 0; k < _selected.Count; k++)
            if (_selectedAt[_selected[k].First] < 0) _selectedAt[_selected[k].First] = k;
    }

    /// <summary>A capitalized word inside a sentence that belongs to no known name and is no function word, month, role or title.</summary>
    private bool IsContinuation(int i)
    {
        if (!_c.IsCapWord(i) || _c.CapitalizationExpected(i)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        var lex = _c.Lexicon;
        if (key.IsEmpty || lex.ClassOf(key) != WordClass.None || lex.Months.Contains(key) || _c.TryRole(i, out _)) return false;
        return !_claimed[i];   // words of another known name are not
    }

    private bool IsDirectionWord(int i)
    {
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _c.IsCapWord(i) && _c.Lexicon.DirectionWords.Contains(_c.Key(i, buf));
    }

    // ---- 2. metonymy -----------------------------------------------------------------------------

    /// <summary>A capital stands for its state when it acts: as the subject at the start of a clause
    /// followed by a verb ("Pjöngjang plane", "Moscow has warned"), or as a genitive next to a
    /// noun that is not a part of the city ("die Erwartungen Moskaus", "Moscow's position" but not
    /// "die Straßen Moskaus"). A dateline place and a place after a preposition stay places.</summary>
    private void Metonymy(int k)
    {
        var cand = _selected[k];
        if (cand.Entry < 0 || cand.Kind != MentionKind.Name) return;
        var entry = _c.Gazetteer.Entries[cand.Entry];
        if (entry.StandsFor < 0 || !GovernmentUse(cand)) return;
        cand.Entry = entry.StandsFor;
        cand.Kind = MentionKind.Metonym;
        _selected[k] = cand;
    }

    private bool GovernmentUse(in Candidate cand)
    {
        if (_c.Article.Structure.DatelinePlace is { } d && d.Overlaps(new TextSpan(cand.Start, cand.Stop - cand.Start))) return false;
        var sent = _c.SentenceOf(cand.First);
        int prev = cand.First - 1, next = cand.End;
        bool hasPrev = prev >= sent.FirstToken, hasNext = next < sent.EndToken;
        if (cand.Genitive)
        {
            if (hasNext && _c.IsWord(next) && _c.ClassOf(next) == WordClass.None && !IsPlacePart(next)
                && (_c.IsCapWord(next) || !_c.German)) return true;                                  // "Moskaus Führung", "Moscow's position"
            return _c.German && hasPrev && _c.IsCapWord(prev) && !_c.CapitalizationExpected(prev)
                   && _c.ClassOf(prev) == WordClass.None && !IsPlacePart(prev);                      // "die Erwartungen Moskaus"
        }
        bool clauseStart = !hasPrev || _c.CapitalizationExpected(cand.First)
                           || _c.IsPunct(prev, ',') || _c.IsPunct(prev, ';')
                           || _c.ClassOf(prev) is WordClass.Conjunction or WordClass.Subordinator;
        return clauseStart && hasNext && IsFiniteVerbLike(next);
    }

    /// <summary>A lower-case word that can be a finite verb: an auxiliary or modal, or a word with a verb
    /// ending (German "-t", "-te", "-en", "-e"; English "-s", "-ed", "-d"), but no zu-infinitive
    /// ("einzunehmen") and no other closed-class word ("in", "schnell" is not caught: it has no verb ending).</summary>
    private bool IsFiniteVerbLike(int i)
    {
        if (!_c.IsLowerWord(i)) return false;
        var cls = _c.ClassOf(i);
        if (cls == WordClass.Auxiliary) return true;
        if (cls != WordClass.None) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        if (key.Length < 3) return false;
        if (!_c.German) return key[^1] is 's' or 'd';
        if (key.Length > 6 && key[2..^2].Contains("zu", StringComparison.Ordinal) && key.EndsWith("en")) return false;
        return key[^1] is 't' or 'e' || key.EndsWith("en") || key.EndsWith("st");
    }

    private bool IsPlacePart(int i)
    {
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _c.Lexicon.PlaceParts.Contains(_c.Key(i, buf));
    }

    // ---- 3./4. mentions and entities -------------------------------------------------------------

    private void AddMention(in Candidate cand)
    {
        var draft = DraftFor(cand);
        TextSpan? role = null;
        if (draft.Type == EntityType.Person && cand.Kind == MentionKind.Name) role = Apposition(cand, draft);
        draft.Mentions.Add(new MentionDraft(cand.Start, cand.Stop, cand.First, cand.End, cand.Kind, role, draft));
    }

    private Draft DraftFor(in Candidate cand)
    {
        if (cand.Entry >= 0)
        {
            if (!_byEntry.TryGetValue(cand.Entry, out var d))
            {
                var e = _c.Gazetteer.Entries[cand.Entry];
                d = new Draft { Entry = cand.Entry, Type = e.Type, Gender = e.Gender, Subtype = e.Subtype, Country = e.Country };
                _byEntry[cand.Entry] = d;
                _drafts.Add(d);
            }
            return d;
        }
        // The key is the name's text in key form: a repeated name is found without allocating.
        int length = cand.Stop - cand.Start - cand.KeyTrim;
        Span<char> buf = length <= 256 ? stackalloc char[length + 1] : new char[length + 1];
        NameKeys.Write(_c.Text.AsSpan(cand.Start, length), buf);
        var key = buf[..length];
        if (_byKeySpan.TryGetValue(key, out var draft)) return draft;
        // A genitive form merges with the plain one, whichever comes first: "Igor Korotchenkos" / "Igor Korotchenko".
        if (key.Length > 3 && key[^1] == 's' && _byKeySpan.TryGetValue(key[..^1], out draft)) return draft;
        buf[length] = 's';
        var keyString = key.ToString();
        if (_byKeySpan.Remove(buf[..(length + 1)], out _, out draft))
        {
            draft.Key = keyString;
            draft.Words = WordsOf(cand.First, cand.End);
            _byKey[keyString] = draft;
            return draft;
        }
        draft = new Draft { Key = keyString, Type = cand.Type, Gender = cand.Gender, Subtype = cand.Subtype };
        if (cand.Type == EntityType.Person && !cand.Kind.Qualifies()) draft.Words = WordsOf(cand.First, cand.End);
        _byKey[keyString] = draft;
        _drafts.Add(draft);
        return draft;
    }

    private string[] WordsOf(int first, int end)
    {
        var words = new List<string>(end - first);
        for (int k = first; k < end; k++)
            if (_tokens[k].Kind is TokenKind.Word or TokenKind.Number || _c.IsPunct(k, '&'))
                words.Add(NameKeys.Of(_c.Text.Substring(_tokens[k].Start, _tokens[k].Length)));
        return words.ToArray();
    }

    /// <summary>A role noun (after optional titles) and a nationality before a person's name:
    /// "der russische Militärexperte Igor Korotchenko", "Russlands Staatschef Wladimir Putin", "Frau Roe".</summary>
    private TextSpan? Apposition(in Candidate cand, Draft draft)
    {
        var sent = _c.SentenceOf(cand.First);
        var lex = _c.Lexicon;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        int r = cand.Role >= 0 ? cand.Role : cand.First - 1;
        RoleNoun role = default;
        while (r >= sent.FirstToken && _c.IsWord(r) && lex.Roles.TryGet(_c.Key(r, buf), out role) && role.Title)
        {
            if (draft.Gender == Gender.Unknown) draft.Gender = role.Gender;
            r--;
        }
        bool hasRole = r >= sent.FirstToken && _c.IsWord(r) && _c.TryRole(r, out role) && !role.Title;
        int before = hasRole ? r - 1 : cand.First - 1;
        if (before >= sent.FirstToken && _selectedAt[before] >= 0)
        {
            var mod = _selected[_selectedAt[before]];
            if (mod.Entry >= 0 && mod.End == before + 1)
            {
                var e = _c.Gazetteer.Entries[mod.Entry];
                if (mod.Kind == MentionKind.Adjective && e.Adjective is { } adj && !(draft.Attributes ??= new()).Contains(adj)) draft.Attributes.Add(adj);
                if ((mod.Kind == MentionKind.Adjective || mod.Genitive) && e.Type == EntityType.Country) draft.Country ??= e.Iso;
            }
        }
        if (!hasRole) return null;
        if (draft.Gender == Gender.Unknown) draft.Gender = role.Gender;
        var span = _tokens[r].Span;
        var surface = _c.Article.Slice(span);
        foreach (var known in draft.Roles ??= new()) if (surface.SequenceEqual(known)) return span;
        draft.Roles.Add(surface.ToString());
        return span;
    }

    // ---- 5. mentions that need an entity named before --------------------------------------------

    /// <summary>Short forms of gazetteer entries already named ("Kim" after "Kim Jong-un"). A short form
    /// also takes over a one-word person a rule proposed on the same word ("sagte Kim,").</summary>
    private void ShortForms(List<Candidate> shorts)
    {
        foreach (var s in shorts)
        {
            if (!_byEntry.TryGetValue(s.Entry, out var draft)) continue;
            if (!Free(s.First, s.End) && !TakeOver(s)) continue;
            Claim(s.First, s.End);
            draft.Mentions.Add(new MentionDraft(s.Start, s.Stop, s.First, s.End, MentionKind.PartialName, null, draft));
        }
    }

    private bool TakeOver(Candidate s)
    {
        foreach (var d in _drafts)
        {
            if (d.Entry >= 0 || d.Type != EntityType.Person || d.Words is not { Length: 1 }) continue;
            int first = s.First, end = s.End;
            int at = d.Mentions.FindIndex(m => m.FirstToken == first && m.EndToken == end);
            if (at < 0) continue;
            d.Mentions.RemoveAt(at);
            return true;
        }
        return false;
    }

    /// <summary>Surnames and repeated full names of persons found from the text. A person found by a
    /// one-word rule ("sagte Korotchenko.") whose word is the surname of a fuller name joins that entity.</summary>
    private void Surnames()
    {
        Dictionary<string, Draft?>? surnames = null;
        foreach (var d in _drafts)
        {
            if (d.Type != EntityType.Person) continue;
            string? last = d.Entry >= 0 ? LastWord(_c.Gazetteer.Entries[d.Entry].Canonical) : d.Words is { Length: >= 2 } w ? w[^1] : null;
            if (last is null) continue;
            surnames ??= new(StringComparer.Ordinal);
            surnames[last] = surnames.ContainsKey(last) ? null : d;   // two persons share it: ambiguous
        }
        if (surnames is null) return;
        var lookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var d in _drafts)
        {
            if (d.Type != EntityType.Person || d.Entry >= 0 || d.Words is not { Length: 1 } one) continue;
            var word = one[0].AsSpan();
            if (!lookup.TryGetValue(word, out var target) && !(word.Length > 3 && word[^1] == 's' && lookup.TryGetValue(word[..^1], out target))) continue;
            if (target is null || target == d) continue;
            foreach (var m in d.Mentions) target.Mentions.Add(m with { Kind = MentionKind.PartialName, Owner = target });
            d.Mentions.Clear();
        }
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        for (int i = 0; i < _tokens.Length; i++)
        {
            if (_claimed[i] || !_c.IsCapWord(i) || _tokens[i].Has(TokenFlags.AllCaps)) continue;
            var key = _c.Key(i, buf);
            if (key.IsEmpty) continue;
            if (FullName(i, key)) continue;
            Draft? d = null;
            bool found = lookup.TryGetValue(key, out d)
                         || key.EndsWith("'s") && lookup.TryGetValue(key[..^2], out d)
                         || key.Length > 3 && key[^1] is 's' or '\'' && lookup.TryGetValue(key[..^1], out d);
            if (!found || d is null) continue;
            _claimed[i] = true;
            d.Mentions.Add(new MentionDraft(_tokens[i].Start, _tokens[i].End, i, i + 1, MentionKind.PartialName, null, d));
        }
    }

    private bool NameKeysStartWith(int start, string key)
    {
        Span<char> buf = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        NameKeys.Write(_c.Text.AsSpan(start, key.Length), buf);
        return buf.SequenceEqual(key);
    }

    private static string LastWord(string name)
    {
        int space = name.LastIndexOf(' ');
        return NameKeys.Of(space < 0 ? name : name[(space + 1)..]);
    }

    /// <summary>A repeated full name of a person found from the text, starting at token i.</summary>
    private bool FullName(int i, ReadOnlySpan<char> key)
    {
        foreach (var d in _drafts)
        {
            if (d.Entry >= 0 || d.Type != EntityType.Person || d.Words is not { Length: >= 2 } w || !key.SequenceEqual(w[0])) continue;
            int k = i + 1, n = 1;
            Span<char> buf = stackalloc char[NameKeys.MaxLength];
            while (n < w.Length && k < _tokens.Length && !_claimed[k])
            {
                if (!_c.IsWord(k) && !_c.IsPunct(k, '&')) { k++; continue; }
                var kk = _c.Key(k, buf);
                if (!kk.SequenceEqual(w[n]) && !(n == w.Length - 1 && kk.Length == w[n].Length + 1 && kk[^1] == 's' && kk.StartsWith(w[n]))) break;
                k++; n++;
            }
            if (n < w.Length) continue;
            Claim(i, k);
            d.Mentions.Add(new MentionDraft(_tokens[i].Start, _tokens[k - 1].End, i, k, MentionKind.Name, null, d));
            return true;
        }
        return false;
    }

    /// <summary>"Institut für Weltwirtschaft (IfW)": the acronym in parentheses, and its later uses, name the organization.</summary>
    private void Acronyms()
    {
        List<(string Acronym, Draft Draft)>? found = null;
        foreach (var d in _drafts)
        {
            if (d.Type is not (EntityType.Organization or EntityType.Media)) continue;
            for (int n = 0, count = d.Mentions.Count; n < count; n++)
            {
                var m = d.Mentions[n];
                int open = m.EndToken, acr = open + 1, close = open + 2;
                if (m.Kind != MentionKind.Name || close >= _tokens.Length || !_c.IsPunct(open, '(') || !_c.IsPunct(close, ')')) continue;
                if (!_c.IsWord(acr) || _claimed[acr] || !LooksLikeAcronym(acr)) continue;
                _claimed[acr] = true;
                d.Mentions.Add(new MentionDraft(_tokens[acr].Start, _tokens[acr].End, acr, acr + 1, MentionKind.Name, null, d));
                (found ??= new()).Add((_c.Text.Substring(_tokens[acr].Start, _tokens[acr].Length), d));
            }
        }
        if (found is null) return;
        for (int i = 0; i < _tokens.Length; i++)
        {
            if (_claimed[i] || !_c.IsWord(i)) continue;
            var s = _c.Surface(i);
            foreach (var (acronym, d) in found)
            {
                if (!s.SequenceEqual(acronym)) continue;
                _claimed[i] = true;
                d.Mentions.Add(new MentionDraft(_tokens[i].Start, _tokens[i].End, i, i + 1, MentionKind.Name, null, d));
                break;
            }
        }
    }

    private bool LooksLikeAcronym(int i)
    {
        var s = _c.Surface(i);
        if (s.Length < 2 || s.Length > 8 || !char.IsUpper(s[0])) return false;
        int upper = 0;
        foreach (var ch in s) if (char.IsUpper(ch)) upper++;
        return upper >= 2;
    }

    // ---- 6. output -------------------------------------------------------------------------------

    /// <summary>Last guard: a name mention never overlaps another (adjectives inside hyphen compounds may).
    /// The earlier, longer one stays.</summary>
    private void DropOverlaps()
    {
        var names = _drafts.SelectMany(d => d.Mentions).Where(m => m.Kind != MentionKind.Adjective)
            .OrderBy(m => m.Start).ThenByDescending(m => m.Stop).ToList();
        var drop = new HashSet<MentionDraft>(ReferenceEqualityComparer.Instance);
        int lastStop = -1;
        foreach (var m in names)
        {
            if (m.Start < lastStop) { drop.Add(m); continue; }
            lastStop = m.Stop;
        }
        if (drop.Count == 0) return;
        foreach (var d in _drafts) d.Mentions.RemoveAll(drop.Contains);
    }

    private void Emit()
    {
        var article = _c.Article;
        DropOverlaps();
        var ordered = _drafts.Where(d => d.Mentions.Count > 0).OrderBy(d => d.FirstStart).ToList();
        var all = new List<MentionDraft>();
        foreach (var d in ordered) all.AddRange(d.Mentions);
        all.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Stop.CompareTo(b.Stop));

        var ids = new Dictionary<Draft, int>(ReferenceEqualityComparer.Instance);
        foreach (var d in ordered)
        {
            var entity = new Entity
            {
                Id = article.Entities.Count,
                Type = d.Type,
                Canonical = Canonical(d),
                Gender = d.Gender,
                Subtype = d.Subtype,
                Country = d.Country,
            };
            if (d.Entry >= 0)
            {
                var e = _c.Gazetteer.Entries[d.Entry];
                entity.GazetteerId = e.Id;
                entity.Iso = e.Iso;
                entity.StateMedia = e.StateMedia;
            }
            if (d.Roles is not null) entity.Roles.AddRange(d.Roles);
            if (d.Attributes is not null) entity.Attributes.AddRange(d.Attributes);
            ids[d] = entity.Id;
            article.Entities.Add(entity);
        }
        foreach (var m in all)
        {
            var entity = article.Entities[ids[m.Owner]];
            entity.Mentions.Add(article.Mentions.Count);
            article.Mentions.Add(new Mention
            {
                Span = TextSpan.FromBounds(m.Start, m.Stop),
                Kind = m.Kind,
                EntityId = entity.Id,
                Role = m.Role,
                Gender = entity.Type == EntityType.Person ? entity.Gender : Gender.Unknown,
            });
        }
    }

    /// <summary>The gazetteer's canonical name, else the name form with the most words; of equal ones the
    /// shorter, so the plain form wins over a genitive ("Igor Korotchenko" over "Igor Korotchenkos").</summary>
    private string Canonical(Draft d)
    {
        if (d.Entry >= 0) return _c.Gazetteer.Entries[d.Entry].Canonical;
        MentionDraft? best = null;
        foreach (var m in d.Mentions)
        {
            if (m.Kind != MentionKind.Name) continue;
            if (best is null) { best = m; continue; }
            int words = m.EndToken - m.FirstToken, bestWords = best.EndToken - best.FirstToken;
            if (words > bestWords || words == bestWords && m.Stop - m.Start < best.Stop - best.Start) best = m;
        }
        best ??= d.Mentions[0];
        int length = best.Stop - best.Start;
        // Only an inflected form was seen: "Egon Schieles" names Egon Schiele, "Ted Cruz's" Ted Cruz.
        if (d.Key is not null && d.Key.Length < length && NameKeysStartWith(best.Start, d.Key)) length = d.Key.Length;
        return _c.Text.Substring(best.Start, length);
    }
}
