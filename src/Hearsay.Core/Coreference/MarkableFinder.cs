using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Coreference;

/// <summary>The coreference lexicons of one language: pronoun forms, definite determiners and the head nouns
/// of descriptions (with the role nouns of the attribution lexicon).</summary>
internal sealed class CorefLexicon
{
    public readonly record struct PronounForm(byte Person, Gender Gender, bool Ambiguous, bool Possessive);
    public readonly record struct HeadNoun(Animacy Animacy, Gender Gender);

    public required WordMap<PronounForm> Pronouns { get; init; }
    /// <summary>Determiners that open a description: true for an indefinite article.</summary>
    public required WordMap<bool> Determiners { get; init; }
    public required SuffixMap<HeadNoun> Nouns { get; init; }
    public required WordMap<Gender> Titles { get; init; }
    public required bool German { get; init; }

    public static CorefLexicon For(LanguagePack pack) => pack.Compiled("coref-lexicon", p => new CorefLexicon
    {
        German = p.Code == "de",
        Pronouns = new WordMap<PronounForm>(p.Rows("coref-pronouns").Where(r => r.Length >= 4).Select(r => KeyValuePair.Create(r[0],
            new PronounForm(byte.Parse(r[1]), r[2] == "X" ? Gender.Feminine : AttributionLexicon.ParseGender(r[2]), r[2] == "X", r[3] == "poss")))),
        Determiners = new WordMap<bool>(p.Rows("coref-determiners").Where(r => r.Length >= 2).Select(r => KeyValuePair.Create(r[0], r[1] == "indefinite"))),
        Nouns = new SuffixMap<HeadNoun>(p.Rows("coref-nouns").Where(r => r.Length >= 3)
            .Select(r => KeyValuePair.Create(r[0], new HeadNoun(ParseClass(r[1]), AttributionLexicon.ParseGender(r[2]))))
            .Concat(p.Rows("roles").Where(r => r.Length >= 3)
                .Select(r => KeyValuePair.Create(r[0], new HeadNoun(r[2] == "group" ? Animacy.Group : Animacy.Person, AttributionLexicon.ParseGender(r[1])))))
            .Concat(p.Rows("person-roles").Where(r => r.Length >= 3 && r[2] == "role")
                .Select(r => KeyValuePair.Create(r[0], new HeadNoun(Animacy.Person, AttributionLexicon.ParseGender(r[1])))))),
        Titles = new WordMap<Gender>(p.Rows("person-roles").Where(r => r.Length >= 3)
            .Select(r => KeyValuePair.Create(r[0].TrimEnd('.'), AttributionLexicon.ParseGender(r[1])))),
    });

    private static Animacy ParseClass(string s) => s switch
    {
        "person" => Animacy.Person,
        "group" => Animacy.Group,
        "org" => Animacy.Organization,
        "place" => Animacy.Place,
        _ => throw new FormatException($"Unknown coreference noun class '{s}'."),
    };
}

/// <summary>
/// Finds the markables of an article: the entity layer's mentions (names, and the descriptions and pronouns
/// speaker resolution linked), extended over a title or role before a person's name ("Biologist Nick Bos",
/// "President Obama") and over "the" before an organization's or place's name; definite descriptions whose
/// head is a person, group, organization or place noun ("the minister", "der russische
/// Verteidigungsexperte", "the company", "das Land"), with an English "of" phrase after the head; and
/// personal and possessive pronouns. The result is in text order; chains are left to
/// <see cref="ChainResolver"/>.
/// </summary>
internal sealed class MarkableFinder
{
    private readonly Article a;
    private readonly TokenView v;
    private readonly CorefLexicon lex;
    private readonly LanguagePack? pack;
    private readonly Learning.SequenceModel? model;
    private bool[] adjective = Array.Empty<bool>();

    /// <summary>The view's word tests are used, not its mention index (speaker resolution may have added mentions since).
    /// With a <paramref name="language"/> that has a mention model (English), the model's spans are markables too.</summary>
    public MarkableFinder(Article article, TokenView view, CorefLexicon lexicon, LanguagePack? language = null)
    {
        a = article;
        v = view;
        lex = lexicon;
        pack = language;
        model = language is null ? null : MentionTagger.For(language);
    }

    public List<Markable> Find()
    {
        var list = new List<Markable>();
        var taken = new HashSet<(int, int)>();
        var inEntity = new bool[a.Tokens.Length];
        adjective = new bool[a.Tokens.Length];

        // Entity mentions first: they carry their entity.
        for (int mi = 0; mi < a.Mentions.Count; mi++)
        {
            var m = a.Mentions[mi];
            int first = a.TokenIndexAt(m.Span.Start);
            if (first >= a.Tokens.Length) continue;
            if (m.Kind == MentionKind.Adjective) adjective[first] = true;
            if (m.Kind.Qualifies() || m.EntityId < 0 || m.EntityId >= a.Entities.Count) continue;
            int last = Math.Max(first, a.TokenIndexAt(m.Span.End) - 1);
            for (int k = first; k <= last && k < inEntity.Length; k++) inEntity[k] = true;
            var entity = a.Entities[m.EntityId];
            var kind = m.Kind switch { MentionKind.Pronoun => MarkableKind.Pronoun, MentionKind.Description => MarkableKind.Description, _ => MarkableKind.Name };
            int start = m.Span.Start;
            if (kind == MarkableKind.Name)
            {
                int k = first - 1;
                if (entity.Type == EntityType.Person)
                {
                    // "President Barack Obama", "Biologist Nick Bos", "Mr. Smith": the title is part of the phrase.
                    while (k >= 0 && k >= first - 3 && v.IsWord(k) && !inEntity[k] && IsTitle(k)) { start = a.Tokens[k].Start; k--; }
                }
                else if (k >= 0 && !lex.German && v.Is(k, "the") && !inEntity[k]) start = a.Tokens[k].Start;
            }
            var span = TextSpan.FromBounds(start, PossessiveTrimmed(m.Span.End));
            if (span.Length <= 0 || !taken.Add((span.Start, span.End))) continue;
            list.Add(new Markable
            {
                Span = span, Kind = kind, Head = last, EntityId = m.EntityId,
                Animacy = AnimacyOf(entity.Type), Gender = entity.Gender,
            });
        }

        var surnames = Surnames();
        var surnameLookup = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < a.Tokens.Length; i++)
        {
            if (!v.IsWord(i) || inEntity[i]) continue;
            var w = v.S(i);
            // A surname alone that the entity stage left unlinked: "Miller" after "Jane Miller".
            if (surnames.Count > 0 && v.IsCap(i) && surnameLookup.TryGetValue(Unpossessed(w), out int person) && person >= 0)
            {
                var span = TextSpan.FromBounds(a.Tokens[i].Start, PossessiveTrimmed(a.Tokens[i].End));
                if (taken.Add((span.Start, span.End)))
                    list.Add(new Markable { Span = span, Kind = MarkableKind.Name, Head = i, EntityId = person, Animacy = Animacy.Person, Gender = a.Entities[person].Gender });
                continue;
            }
            if (lex.Pronouns.TryGet(w, out var form) && IsPronounHere(i, w))
            {
                // "his wife", "ihre Regierung": the possessive and the phrase it opens are both markables.
                if (form.Possessive && Description(i, inEntity, indefinite: true) is { } pd && taken.Add((pd.Span.Start, pd.Span.End)))
                    list.Add(pd);
                var span = a.Tokens[i].Span;
                if (taken.Add((span.Start, span.End)))
                    list.Add(new Markable
                    {
                        Span = span, Kind = MarkableKind.Pronoun, Head = i, Person = PersonOf(i, w, form),
                        Gender = form.Person == 3 ? form.Gender : form.Gender == Gender.Plural ? Gender.Plural : Gender.Unknown,
                        Animacy = form.Person != 3 ? Animacy.Person
                                : form.Gender == Gender.Neuter ? Animacy.Thing
                                : !lex.German && form.Gender is Gender.Masculine or Gender.Feminine ? Animacy.Person : Animacy.Unknown,
                    });
                continue;
            }
            if (lex.Determiners.TryGet(w, out bool indefinite) && Description(i, inEntity, indefinite) is { } d && taken.Add((d.Span.Start, d.Span.End)))
                list.Add(d);
        }
        if (model is not null) AddTagged(list, taken);
        list.Sort((x, y) => x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : y.Span.End.CompareTo(x.Span.End));
        return list;
    }

    /// <summary>The learned mention detector's spans that no rule found: a noun phrase of any kind ("the storm",
    /// "iodine deficiency"). One that crosses a markable's boundary (overlaps it without nesting) is left out.
    /// Its head is its last word; a head in the noun lexicon gives its class, else it is a thing.</summary>
    private void AddTagged(List<Markable> list, HashSet<(int, int)> taken)
    {
        var spans = MentionTagger.Tag(a, pack!, model!);
        if (spans.Count == 0) return;
        var existing = new TextSpan[list.Count];
        for (int k = 0; k < existing.Length; k++) existing[k] = list[k].Span;
        Array.Sort(existing, (x, y) => x.Start.CompareTo(y.Start));
        foreach (var (first, end) in spans)
        {
            int last = end - 1;
            if (end - first == 1 && lex.Pronouns.TryGet(v.S(first), out _)) continue;
            var span = TextSpan.FromBounds(a.Tokens[first].Start, PossessiveTrimmed(a.Tokens[last].End));
            if (span.Length <= 0 || taken.Contains((span.Start, span.End)) || Crosses(existing, span)) continue;
            taken.Add((span.Start, span.End));
            var animacy = Animacy.Thing;
            var gender = Gender.Unknown;
            if (lex.Nouns.TryGetExact(v.S(last), out var noun)) { animacy = noun.Animacy; gender = noun.Gender; }
            else if (v.IsCap(last)) animacy = Animacy.Unknown;
            else if (v.S(last).EndsWith("s") && !v.S(last).EndsWith("ss")) gender = Gender.Plural;
            list.Add(new Markable
            {
                Span = span, Kind = MarkableKind.Description, Head = last, Animacy = animacy, Gender = gender, Learned = true,
                Indefinite = v.IsWord(first) && lex.Determiners.TryGet(v.S(first), out bool indefinite) && indefinite,
            });
        }
    }

    /// <summary>Whether a markable of <paramref name="sorted"/> (by start) overlaps the span without nesting. Markables are
    /// short, so the search starts a few markables before the first that starts inside the span.</summary>
    private static bool Crosses(TextSpan[] sorted, TextSpan span)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (sorted[mid].Start < span.Start) lo = mid + 1; else hi = mid;
        }
        for (int k = Math.Max(0, lo - 8); k < sorted.Length; k++)
        {
            var x = sorted[k];
            if (x.Start >= span.End) break;
            if (x.End <= span.Start) continue;
            bool nested = x.Start >= span.Start && x.End <= span.End || span.Start >= x.Start && span.End <= x.End;
            if (!nested) return true;
        }
        return false;
    }

    /// <summary>The last word of each person's name of two words or more, to its entity (-1 when two persons share it).</summary>
    private Dictionary<string, int> Surnames()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in a.Entities)
        {
            if (e.Type != EntityType.Person) continue;
            int sp = e.Canonical.LastIndexOf(' ');
            if (sp <= 0 || sp == e.Canonical.Length - 1) continue;
            var last = e.Canonical[(sp + 1)..];
            if (last.Length < 2 || !char.IsUpper(last[0])) continue;
            map[last] = map.TryGetValue(last, out var other) && other != e.Id ? -1 : e.Id;
        }
        return map;
    }

    private ReadOnlySpan<char> Unpossessed(ReadOnlySpan<char> w) =>
        !lex.German && w.Length > 2 && (w.EndsWith("'s") || w.EndsWith("’s")) ? w[..^2] : w;

    private static Animacy AnimacyOf(EntityType t) => t switch
    {
        EntityType.Person => Animacy.Person,
        EntityType.Organization or EntityType.Media => Animacy.Organization,
        EntityType.Country or EntityType.Place => Animacy.Place,
        _ => Animacy.Thing,
    };

    private bool IsTitle(int k)
    {
        var w = v.S(k);
        if (lex.Titles.TryGet(w.TrimEnd('.'), out _)) return true;
        return lex.Nouns.TryGetExact(w, out var n) && n.Animacy == Animacy.Person && (v.IsCap(k) || !lex.German);
    }

    /// <summary>An English possessive ending is not part of the name: the markable is "Obama" in "Obama's".</summary>
    private int PossessiveTrimmed(int end)
    {
        if (end >= 2 && (a.Text[end - 1] == 's' || a.Text[end - 1] == 'S') && (a.Text[end - 2] == '\'' || a.Text[end - 2] == '’') && !lex.German)
            return end - 2;
        return end;
    }

    /// <summary>"US" is a country, not "us"; German "Sie" inside a sentence is the polite "you".</summary>
    private bool IsPronounHere(int i, ReadOnlySpan<char> w)
    {
        if (w.Length > 1 && a.Tokens[i].Has(TokenFlags.AllCaps)) return false;
        return true;
    }

    private byte PersonOf(int i, ReadOnlySpan<char> w, CorefLexicon.PronounForm form)
    {
        if (lex.German && form.Ambiguous && char.IsUpper(w[0]) && !v.AtSentenceStart(i)) return 2;
        return form.Person;
    }

    /// <summary>A definite description starting at determiner <paramref name="det"/>: adjectives, then a head noun
    /// from the lexicon (English: the last of a run of lexicon nouns, "the company president"; German: one
    /// capitalized noun or compound), then an English "of" phrase.</summary>
    private Markable? Description(int det, bool[] inEntity, bool indefinite)
    {
        int limit = Math.Min(a.Tokens.Length, det + 6);
        int k = det + 1;
        while (k < limit && !inEntity[k] && (v.IsAdjectiveLike(k) || IsNationality(k)) && !HeadNoun(k, out _)) k++;
        if (k >= limit || inEntity[k] || !HeadNoun(k, out var head)) return null;
        if (lex.German && !v.IsCap(k)) return null;
        if (!lex.German)
            while (k + 1 < a.Tokens.Length && !inEntity[k + 1] && v.IsLowerWord(k + 1) && HeadNoun(k + 1, out var next)) { k++; head = next; }
        int headToken = k;
        int end = a.Tokens[k].End;
        if (!lex.German && k + 2 < a.Tokens.Length && v.Is(k + 1, "of"))
        {
            int j = k + 2;
            if (v.Fn(j) == FunctionClass.Determiner) j++;
            if (j < a.Tokens.Length && inEntity[j])
            {
                while (j + 1 < a.Tokens.Length && inEntity[j + 1] && !v.IsComma(j + 1)) j++;
                end = a.Tokens[j].End;
            }
            else if (j < a.Tokens.Length && v.IsLowerWord(j) && HeadNoun(j, out _))
                end = a.Tokens[j].End;
        }
        var gender = head.Gender;
        if (lex.German && head.Animacy == Animacy.Person && gender == Gender.Unknown)
            gender = v.Is(det, "der") || v.Is(det, "dieser") ? Gender.Masculine : v.Is(det, "die") ? Gender.Feminine : Gender.Unknown;
        return new Markable
        {
            Span = TextSpan.FromBounds(a.Tokens[det].Start, PossessiveTrimmed(end)),
            Kind = MarkableKind.Description, Head = headToken, Animacy = head.Animacy, Gender = gender, Indefinite = indefinite,
        };
    }

    private bool HeadNoun(int k, out CorefLexicon.HeadNoun head)
    {
        head = default;
        if (!v.IsWord(k)) return false;
        var w = v.S(k);
        if (lex.German) return v.IsCap(k) && lex.Nouns.TryGet(w, out head, out _);
        return v.IsLowerWord(k) && lex.Nouns.TryGetExact(w, out head);
    }

    /// <summary>A capitalized adjective of a country ("Russian officials"), which the entity layer marks as an adjective mention.</summary>
    private bool IsNationality(int k) => adjective[k];
}
