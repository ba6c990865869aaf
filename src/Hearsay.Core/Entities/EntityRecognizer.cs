using Hearsay.Document;

namespace Hearsay.Entities;

/// <summary>
/// Finds names the gazetteer does not know, from the text alone. It is deliberately conservative,
/// because German capitalizes every noun:
/// <list type="bullet">
/// <item>persons: a known first name followed by a surname ("Igor Korotchenko", "Heinrich Gottlob von
/// Miltitz", "Nico G."); a role noun or title followed by a name ("Militärexperte Korotchenko",
/// "Senator Jane Roe", "Frau Roe"); a surname led by a particle that is no ordinary word ("van der Vaart",
/// "al-Sisi"); the article's authors from the structure layer;</item>
/// <item>organizations: a legal form after a name ("Acme GmbH", "Foo Inc."); an organization keyword with
/// name words before it ("Freie Universität", "Harvard University") or after it joined by a connector
/// ("Institut für Weltwirtschaft", "University of Oxford"); German one-word compounds of an
/// institutional prefix and a keyword ("Bundesjustizministerium");</item>
/// <item>places (English): a geographic head after name words ("Ohio River", "Beverly Hills") or a
/// geographic word before them ("Mount Kenya", "Lake Baikal").</item>
/// </list>
/// A word counts as a name word only if it is capitalized, not a closed-class word, month, weekday,
/// role noun, organization keyword, geographic head or (German) a word with a common-noun ending, and not
/// the start of a country, place, organization or media name.
/// </summary>
internal sealed class EntityRecognizer
{
    private readonly EntityContext _c;
    private readonly EntityLexicon _lex;
    private readonly Token[] _tokens;
    /// <summary>Per token: the gazetteer candidate starting there, or -1.</summary>
    private readonly int[] _gazetteerAt;
    private readonly List<Candidate> _gazetteer;

    public EntityRecognizer(EntityContext context, List<Candidate> gazetteerCandidates)
    {
        _c = context;
        _lex = context.Lexicon;
        _tokens = context.Tokens;
        _gazetteer = gazetteerCandidates;
        _gazetteerAt = context.RentInts(_tokens.Length, -1);
        for (int k = 0; k < gazetteerCandidates.Count; k++)
        {
            var g = gazetteerCandidates[k];
            if (_gazetteerAt[g.First] < 0) _gazetteerAt[g.First] = k;
        }
    }

    public void Find(List<Candidate> output)
    {
        Authors(output);
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        foreach (var sent in _c.Article.Sentences)
        {
            for (int i = sent.FirstToken; i < sent.EndToken; i++)
            {
                if (!_c.IsWord(i)) continue;
                var key = _c.Key(i, buf);
                if (key.IsEmpty) continue;
                PersonByFirstName(i, key, sent, output);
                if (_c.InTitleCase(i)) continue;
                PersonByParticle(i, key, sent, output);
                PersonAfterRole(i, key, sent, output);
                PersonBySpeech(i, key, sent, output);
                Organization(i, key, sent, output);
                if (!_c.German) Place(i, key, sent, output);
            }
        }
    }

    /// <summary>The bylines' names, when the structure layer found them.</summary>
    private void Authors(List<Candidate> output)
    {
        foreach (var span in _c.Article.Structure.Authors)
        {
            int first = _c.Article.TokenIndexAt(span.Start);
            int end = first;
            while (end < _tokens.Length && _tokens[end].End <= span.End) end++;
            int words = 0;
            bool ok = end > first;
            for (int k = first; k < end && ok; k++)
            {
                if (_c.IsCapWord(k)) words++;
                else if (!IsParticle(k) && !_c.IsPunct(k, '.')) ok = false;
            }
            if (!ok || words < 2 || words > 4 || GazetteerStarts(first, person: false)) continue;
            output.Add(Person(first, end, FirstNameGender(first), Ranks.Author));
        }
    }

    // ---- persons ---------------------------------------------------------------------------------

    private void PersonByFirstName(int i, ReadOnlySpan<char> key, Sentence sent, List<Candidate> output)
    {
        if (!_c.IsCapWord(i) || _tokens[i].Has(TokenFlags.AllCaps) || !TryFirstName(key, out var first)) return;
        if (first.CommonWord)
        {
            if (_c.CapitalizationExpected(i)) return;
            var prev = _c.ClassOf(i - 1);
            if (prev is WordClass.Article or WordClass.Determiner or WordClass.Indefinite || (i > 0 && _tokens[i - 1].Kind == TokenKind.Number)) return;
        }
        int end = sent.EndToken;
        int j = i + 1;
        bool initials = false;
        // middle names and initials: "John F. Kennedy", "Anna Maria Berg"
        while (j < end && j - i <= 3 && !_tokens[j].Has(TokenFlags.LineBefore))
        {
            if (IsInitial(j)) { j++; initials = true; continue; }
            if (IsFirstName(j) && j + 1 < end && IsSurname(j + 1)) { j++; continue; }
            break;
        }
        int p = SkipParticles(j, end);
        int stop;
        if (p < end && !_tokens[p].Has(TokenFlags.LineBefore) && IsSurname(p))
        {
            stop = p + 1;
            int more = SkipParticles(stop, end);
            if (more > stop) stop = more + 1;                                         // "Heinrich Gottlob von Miltitz"
            else if (!_c.German && !_c.InTitleCase(i) && !IsPossessive(stop - 1) && stop < end && !_tokens[stop].Has(TokenFlags.LineBefore) && IsSurname(stop)) stop++;   // "Martin Luther King"
            if (stop < end && IsGenerationSuffix(stop)) stop++;
        }
        else if (initials)
        {
            stop = j;                                                                 // "Nico G."
        }
        else
        {
            return;
        }
        output.Add(Person(i, stop, first.Gender, Ranks.FirstName));
    }

    /// <summary>A candidate for a name the learned tagger proposed: persons get the first name's gender and
    /// lose a genitive or possessive ending from their key, like the rules' persons; English places and
    /// organizations are "it", German ones get their gender from elsewhere or none. An adjective or modifier
    /// (one word: "Wolfsburger", "Vattenfall-Belegschaft") has no gender; a modifier's span is the part of the
    /// word before its last hyphen ("Vattenfall"), or the whole word.</summary>
    public Candidate FromTagger(int first, int end, EntityType type, MentionKind kind)
    {
        if (kind == MentionKind.Name)
            return type == EntityType.Person
                ? Person(first, end, FirstNameGender(first), Ranks.Tagger)
                : Candidate.Found(first, end, _tokens, type, _c.German ? Gender.Unknown : Gender.Neuter, Ranks.Tagger);
        var cand = Candidate.Found(first, end, _tokens, type, Gender.Unknown, Ranks.Tagger);
        cand.Kind = kind;
        int dash = kind == MentionKind.Modifier ? _c.Surface(first).LastIndexOf('-') : -1;
        if (dash > 0) cand.Stop = cand.Start + dash;
        return cand;
    }

    /// <summary>An English possessive ("Cruz's", "Columbia’s"): a name ends there.</summary>
    private bool IsPossessive(int i)
    {
        if (_c.German || !_c.IsWord(i)) return false;
        var s = _c.Surface(i);
        return s.Length > 2 && s[^1] == 's' && s[^2] is '\'' or '’';
    }

    /// <summary>A person candidate; a genitive or possessive ending is marked so the entity's key and name leave it out.</summary>
    private Candidate Person(int first, int end, Gender gender, byte rank)
    {
        var cand = Candidate.Found(first, end, _tokens, EntityType.Person, gender, rank);
        var last = _c.Surface(end - 1);
        if (last.Length > 3 && last[^1] == 's' && last[^2] is '\'' or '’') cand.KeyTrim = 2;
        else if (IsGermanGenitiveName(end)) cand.KeyTrim = 1;
        return cand;
    }

    /// <summary>German writes the genitive of a name with "-s" and puts it before a noun ("Egon Schieles
    /// Werke"); names that end in s, x, z or ß take an apostrophe instead. Endings that are common in
    /// surnames themselves ("Magnus", "Wiggins", "Williams", "Roberts") are left alone.</summary>
    private bool IsGermanGenitiveName(int end)
    {
        if (!_c.German || end >= _tokens.Length || !_c.IsCapWord(end) || _c.CapitalizationExpected(end)) return false;
        var last = _c.Surface(end - 1);
        return last.Length > 3 && last[^1] == 's' && "sxzßaiouynmdtkp".IndexOf(char.ToLowerInvariant(last[^2])) < 0
               && _c.ClassOf(end) == WordClass.None;
    }

    /// <summary>"van der Vaart", "bin Laden", "al-Sisi": particles that are no ordinary word mark a surname.</summary>
    private void PersonByParticle(int i, ReadOnlySpan<char> key, Sentence sent, List<Candidate> output)
    {
        if (!_lex.Particles.TryGet(key, out var kind))
        {
            if (_tokens[i].Has(TokenFlags.Hyphenated) && _c.IsLowerWord(i) && IsStrongParticleCompound(key) && IsNameContext(i))
                output.Add(Person(i, i + 1, Gender.Unknown, Ranks.FirstName));
            return;
        }
        if (kind != ParticleKind.Strong || !IsNameContext(i)) return;
        int p = i + 1;
        while (p < sent.EndToken && p - i < 3 && IsParticle(p)) p++;
        if (p < sent.EndToken && IsSurname(p))
            output.Add(Person(i, p + 1, Gender.Unknown, Ranks.FirstName));
    }

    /// <summary>A particle compound ("al-Assad") with a capitalized part after a strong particle.</summary>
    private bool IsStrongParticleCompound(ReadOnlySpan<char> key)
    {
        int dash = key.IndexOf('-');
        return dash > 0 && dash + 2 < key.Length && _lex.Particles.TryGet(key[..dash], out var k) && k == ParticleKind.Strong;
    }

    /// <summary>Not after a capitalized word or a first name: those starts are found by the other rules.</summary>
    private bool IsNameContext(int i) => !_c.IsCapWord(i - 1);

    private void PersonAfterRole(int i, ReadOnlySpan<char> key, Sentence sent, List<Candidate> output)
    {
        if (!_c.TryRole(i, out var role)) return;
        if (!_c.German && !_c.IsCapWord(i)) return;   // "major Slavic tribes", "king Amyntas": lower-case English roles are too often adjectives or plain nouns
        int end = sent.EndToken;
        int j = i + 1;
        while (j < end && IsTitle(j)) j++;
        if (j >= end || _tokens[j].Has(TokenFlags.LineBefore)) return;
        if (IsFirstName(j) || !IsNameWord(j) || GazetteerStarts(j, person: true)) return;   // a first name: PersonByFirstName takes it
        if (role.Title && _c.ClassOf(i - 1) is WordClass.Article or WordClass.Determiner or WordClass.Indefinite) return;   // "der Frau Geld geben"
        // German capitalizes nouns, so only one word follows there ("Ministerpräsident Erdogan Pläne ...").
        int maxWords = _c.German ? 1 : 2;
        int k = j, words = 0;
        while (k < end && words < maxWords && !_tokens[k].Has(TokenFlags.LineBefore))
        {
            if (IsNameWord(k)) { k++; words++; if (IsPossessive(k - 1)) break; continue; }
            int p = SkipParticles(k, end);
            if (p > k && p < end && IsNameWord(p)) { k = p; continue; }
            break;
        }
        if (k < end && _tokens[k].Has(TokenFlags.Hyphenated) && IsSurname(k) && !_c.IsCapWord(k)) k++;   // "Außenminister Abdel-Malek al-Mikhlafi"
        var cand = Person(j, k, role.Gender, Ranks.Role);
        cand.Role = i;
        output.Add(cand);
    }

    /// <summary>"…, sagt Tarlo.", "so Tarlo,", "…," Tarlo said.": one unknown capitalized word next to a speech word.</summary>
    private void PersonBySpeech(int i, ReadOnlySpan<char> key, Sentence sent, List<Candidate> output)
    {
        if (!_lex.SpeechWords.Contains(key)) return;
        int after = i + 1;
        if (after < sent.EndToken && IsNameWord(after) && !_c.IsWord(after + 1) && !IsParticle(after + 1))
            output.Add(Person(after, after + 1, Gender.Unknown, Ranks.FirstName));
        int before = i - 1;
        if (before > sent.FirstToken && IsNameWord(before) && !_c.CapitalizationExpected(before)
            && (_c.IsPunct(before - 1, ',') || _tokens[before - 1].Kind == TokenKind.Quote && _tokens[before - 1].Has(TokenFlags.Closing)))
            output.Add(Person(before, before + 1, Gender.Unknown, Ranks.FirstName));
    }

    /// <summary>A first name, or a two-part hyphenated one that starts with a first name ("Anna-Lena",
    /// "Jean-Guy"; not the compound "Konrad-Bayer-Preis").</summary>
    private bool TryFirstName(ReadOnlySpan<char> key, out FirstName first)
    {
        if (_lex.FirstNames.TryGet(key, out first)) return true;
        int dash = key.IndexOf('-');
        if (dash <= 1 || !_lex.FirstNames.TryGet(key[..dash], out first)) return false;
        var rest = key[(dash + 1)..];
        return rest.Length >= 2 && rest.IndexOf('-') < 0 && (_lex.FirstNames.Contains(rest) || rest.Length <= 7);
    }

    private bool IsFirstName(int i)
    {
        if (!_c.IsCapWord(i)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return TryFirstName(_c.Key(i, buf), out _);
    }

    private Gender FirstNameGender(int i)
    {
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _c.IsWord(i) && TryFirstName(_c.Key(i, buf), out var f) ? f.Gender : Gender.Unknown;
    }

    /// <summary>"F." in "John F. Kennedy".</summary>
    private bool IsInitial(int i) =>
        _c.IsCapWord(i) && _tokens[i].Length == 2 && _tokens[i].Has(TokenFlags.Abbreviation);

    private bool IsTitle(int i)
    {
        if (!_c.IsWord(i)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _lex.Roles.TryGet(_c.Key(i, buf), out var r) && r.Title;
    }

    /// <summary>A name particle; <paramref name="lead"/> asks for one that may start a run ("von", not "der").</summary>
    private bool IsParticle(int i, bool lead = false)
    {
        if (!_c.IsWord(i)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _lex.Particles.TryGet(_c.Key(i, buf), out var kind) && (kind != ParticleKind.Follow || !lead);
    }

    /// <summary>Skips name particles ("von", "van der", "bin") when a surname follows them. In German only a
    /// strong particle takes followers: "von der Hauptgeschäftsstelle" is a preposition and an article.</summary>
    private int SkipParticles(int j, int end)
    {
        if (j >= end || !IsParticle(j, lead: true)) return j;
        int p = j + 1;
        if (!_c.German || IsStrongParticle(j))
            while (p < end && p - j < 3 && IsParticle(p)) p++;
        return p < end && IsSurname(p) ? p : j;
    }

    private bool IsStrongParticle(int i)
    {
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _c.IsWord(i) && _lex.Particles.TryGet(_c.Key(i, buf), out var kind) && kind == ParticleKind.Strong;
    }

    private bool IsGenerationSuffix(int i)
    {
        if (!_c.IsWord(i)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _lex.NameSuffixes.Contains(_c.Key(i, buf));
    }

    /// <summary>A surname after a first name: a name word (German role nouns allowed: "Anna Richter"), a
    /// company's name ("Johann Bayer") or a particle compound ("al-Assad", "bin-Salman").</summary>
    private bool IsSurname(int i)
    {
        if (IsNameWord(i, allowRoleNouns: _c.German)) return true;
        if (_gazetteerAt[i] >= 0 && IsNameWord(i, allowRoleNouns: _c.German, allowGazetteer: true))
        {
            var g = _gazetteer[_gazetteerAt[i]];
            if (g.End == i + 1 && g.Kind == MentionKind.Name && g.Entry >= 0
                && _c.Gazetteer.Entries[g.Entry].Type is EntityType.Organization or EntityType.Media) return true;
        }
        if (!_c.IsWord(i) || !_tokens[i].Has(TokenFlags.Hyphenated)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        int dash = key.IndexOf('-');
        return dash > 0 && dash + 1 < key.Length && _lex.Particles.Contains(key[..dash])
               && char.IsUpper(_c.Text[_tokens[i].Start + dash + 1]);
    }

    /// <summary>A capitalized word that can be part of a person's name.</summary>
    internal bool IsNameWord(int i, bool allowRoleNouns = false, bool allowGazetteer = false)
    {
        if (!_c.IsCapWord(i)) return false;
        var t = _tokens[i];
        if (t.Has(TokenFlags.HasDigit) || t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Abbreviation) || t.Length < 2) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        if (key.IsEmpty || _lex.ClassOf(key) != WordClass.None || _lex.Months.Contains(key)) return false;
        if (_lex.OrgKeywords.Contains(key) || _lex.GeoHeads.Contains(key) || _lex.GeoPrefixes.Contains(key)) return false;
        if (!allowRoleNouns && _c.TryRole(i, out _)) return false;
        if (_c.German && _lex.HasNounEnding(key)) return false;
        return allowGazetteer || !GazetteerStarts(i, person: false);
    }

    /// <summary>A gazetteer candidate starts at the token: of a person (<paramref name="person"/>) or of anything else.</summary>
    private bool GazetteerStarts(int i, bool person)
    {
        int k = _gazetteerAt[i];
        if (k < 0) return false;
        var g = _gazetteer[k];
        bool isPerson = g.Entry >= 0 && _c.Gazetteer.Entries[g.Entry].Type == EntityType.Person;
        return isPerson == person;
    }

    // ---- organizations ---------------------------------------------------------------------------

    private void Organization(int i, ReadOnlySpan<char> key, Sentence sent, List<Candidate> output)
    {
        if (_lex.OrgKeywords.TryGet(key, out var kw) && kw.Legal)
        {
            // "Acme GmbH", "Foo Bar Inc."; not "Firma" in "die Firma Acme GmbH"
            int s = i;
            while (s - 1 >= sent.FirstToken && i - s < 4 && (IsOrgWord(s - 1) && !IsCue(s - 1) || _c.IsPunct(s - 1, '&'))) s--;
            while (s < i && !_c.IsCapWord(s)) s++;
            if (s < i) output.Add(Org(s, i + 1, kw));
            return;
        }
        if (!_c.IsCapWord(i) || GazetteerStarts(i, person: false)) return;   // "EU-Kommission für TTIP": the gazetteer has the name
        if (!_c.TryOrgKeyword(i, out kw) || kw.Legal)
        {
            if (PrefixCompound(key, out kw)) output.Add(Org(i, i + 1, kw));   // "Bundesjustizministerium"
            return;
        }

        bool english = !_c.German || kw.English;
        int start = i;
        while (start - 1 >= sent.FirstToken && i - start < 4 && IsOrgModifier(start - 1, english) && !IsPossessive(start - 1)) start--;

        int stop = i + 1;
        int end = sent.EndToken;
        if (stop < end && IsConnector(stop, "prep"))
        {
            // "Institut für Weltwirtschaft", "University of Oxford", "Bundesamt für Migration und Flüchtlinge".
            // Not a genitive: "Bank der Schweiz", "Institut der Welt" are descriptions.
            int last = ConnectedWords(stop, end, english);
            if (last >= 0) stop = last + 1;
        }
        else if (kw.TakesPlace && stop < end && IsOrgWord(stop))
        {
            // "Universität Wien", "Universität Hohenheim", "Universität Tel Aviv", "University College London"
            int g = _gazetteerAt[stop];
            stop = g >= 0 && _gazetteer[g].Kind == MentionKind.Name ? _gazetteer[g].End : stop + 1;
            if (stop < end && IsOrgWord(stop) && english) stop++;
        }
        if (start == i && stop == i + 1) return;   // a keyword alone is no name
        if (_c.ClassOf(start - 1) == WordClass.Indefinite) return;   // "eine Stiftung für Kinder"
        output.Add(Org(start, stop, kw));
    }

    /// <summary>Capitalized words after a connector, optionally after an article, joined by "und"/"and" or commas: the last one's index, or -1.
    /// In German two nouns do not follow each other in a name unless the first is an adjective ("für Internationale Politik").</summary>
    private int ConnectedWords(int connector, int end, bool english)
    {
        int q = connector + 1;
        // "University of the Arts"; not German "Außenministerium für die Vorbereitung"
        if (q < end && _c.ClassOf(q) == WordClass.Article) { if (!english) return -1; q++; }
        int last = -1;
        while (q < end && q - connector <= 7)
        {
            if (IsOrgWord(q) && (english || last != q - 1 || IsAdjectival(last))) { last = q++; continue; }
            if (last >= 0 && q + 1 < end && (IsConnector(q, "and") || _c.IsPunct(q, ',')) && IsOrgWord(q + 1) && !IsFirstName(q + 1)) { q++; continue; }
            break;
        }
        return last;
    }

    /// <summary>"Bundesjustizministerium", "Landeskriminalamt": an institutional prefix on a keyword compound.</summary>
    private bool PrefixCompound(ReadOnlySpan<char> key, out OrgKeyword kw)
    {
        foreach (var prefix in _lex.OrgPrefixes)
        {
            if (key.Length - prefix.Length < 5 || !key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = key[prefix.Length..];
            if (_lex.OrgKeywords.TryGet(rest, out kw) && !kw.Legal || _lex.OrgHeads.TryGetSuffix(rest, 3, 0, out kw)) return true;
        }
        kw = default;
        return false;
    }

    private Candidate Org(int first, int end, in OrgKeyword kw)
    {
        var cand = Candidate.Found(first, end, _tokens, kw.Media ? EntityType.Media : EntityType.Organization, Gender.Unknown, Ranks.Keyword);
        cand.Subtype = kw.Subtype;
        return cand;
    }

    /// <summary>A word of an organization's or place's name: capitalized, not closed-class, month, role noun or person.</summary>
    private bool IsOrgWord(int i)
    {
        if (!_c.IsCapWord(i) || _tokens[i].Length < 2 && !_tokens[i].Has(TokenFlags.AllCaps)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        if (key.IsEmpty || _lex.ClassOf(key) != WordClass.None || _lex.Months.Contains(key)) return false;
        if (_c.TryRole(i, out _)) return false;
        return !GazetteerStarts(i, person: true);
    }

    private bool IsCue(int i)
    {
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _lex.NameCues.Contains(_c.Key(i, buf));
    }

    /// <summary>A word before an organization keyword. English rules: any name word or one-word gazetteer name
    /// ("Harvard Business School", "Ukrainian Defense Ministry", "Moscow Times"). German rules: a capitalized
    /// adjective inside a sentence ("Freie Universität", "Russische Zentralbank"), not a genitive
    /// ("Nordkoreas Armee") and not a participle compound ("FDP-geführte").</summary>
    private bool IsOrgModifier(int i, bool english)
    {
        if (_gazetteerAt[i] >= 0 && _c.IsCapWord(i))
        {
            var g = _gazetteer[_gazetteerAt[i]];
            if (g.End != i + 1 || g.Genitive || g.Entry < 0) return false;
            var type = _c.Gazetteer.Entries[g.Entry].Type;
            if (english) return type != EntityType.Person;
            // "Russische Zentralbank"; not a place adjective in "-er": "Hamburger Mordkommission" is a description
            return type == EntityType.Country && g.Kind == MentionKind.Adjective && !_c.CapitalizationExpected(i)
                   && _c.Text[_tokens[i].End - 1] != 'r';
        }
        if (!IsOrgWord(i)) return false;
        if (english) return true;
        if (_c.CapitalizationExpected(i)) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        int dash = key.IndexOf('-');
        if (dash >= 0 && dash + 1 < key.Length && char.IsLower(_c.Text[_tokens[i].Start + dash + 1])) return false;
        return IsAdjectival(i) && !key.EndsWith("er");   // "-er" is mostly a place adjective: "Hamburger Mordkommission" is a description
    }

    /// <summary>A capitalized German word with an adjective ending ("Freie", "Deutschen").</summary>
    private bool IsAdjectival(int i)
    {
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        return key.Length > 3 && (key[^1] == 'e' || key[^2] == 'e' && key[^1] is 'n' or 'r' or 's' or 'm');
    }

    private bool IsConnector(int i, string cls)
    {
        if (i >= _tokens.Length || _tokens[i].Length > 8) return false;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return _lex.Connectors.TryGet(_c.Key(i, buf), out var found) && found == cls;
    }

    // ---- places (English) ------------------------------------------------------------------------

    /// <summary>"Ohio River", "Beverly Hills", "Gulf of Mexico", "Mount Kenya", "Lake Baikal".</summary>
    private void Place(int i, ReadOnlySpan<char> key, Sentence sent, List<Candidate> output)
    {
        if (!_c.IsCapWord(i)) return;
        int end = sent.EndToken;
        if (_lex.GeoPrefixes.Contains(key))
        {
            int k = i + 1;
            while (k < end && k - i <= 2 && IsOrgWord(k)) k++;
            if (k > i + 1) output.Add(Candidate.Found(i, k, _tokens, EntityType.Place, Gender.Neuter, Ranks.Keyword));
            return;
        }
        if (!_lex.GeoHeads.Contains(key)) return;
        int start = i;
        while (start - 1 >= sent.FirstToken && i - start < 3 && IsOrgModifier(start - 1, english: true) && !IsPossessive(start - 1)) start--;
        int stop = i + 1;
        if (stop < end && IsConnector(stop, "prep"))
        {
            int last = ConnectedWords(stop, end, english: true);
            if (last >= 0) stop = last + 1;
        }
        if (start == i && stop == i + 1) return;
        output.Add(Candidate.Found(start, stop, _tokens, EntityType.Place, Gender.Neuter, Ranks.Keyword));
    }
}
