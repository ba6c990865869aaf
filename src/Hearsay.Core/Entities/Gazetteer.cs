using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Text;

namespace Hearsay.Entities;

/// <summary>One real-world entity known to the gazetteer.</summary>
internal sealed class GazetteerEntry
{
    public required int Index { get; init; }
    /// <summary>Key unique over all gazetteer files: ISO code for countries, a slug otherwise.</summary>
    public required string Id { get; init; }
    public required EntityType Type { get; init; }
    public required string Canonical { get; init; }
    public string? Iso { get; init; }
    public string? Subtype { get; init; }
    public string? Country { get; init; }
    public bool StateMedia { get; init; }
    public bool PublicService { get; init; }
    /// <summary>Natural gender for persons, grammatical gender (in the pack's language) otherwise.</summary>
    public Gender Gender { get; init; }
    /// <summary>Id of the entry a place stands for when used as a metonym (a capital for its state).</summary>
    public string? StandsForId { get; init; }
    /// <summary>Index of that entry, or -1.</summary>
    public int StandsFor { get; set; } = -1;
    /// <summary>The base adjective in the pack's language ("russisch", "Russian"), recorded as a person's attribute.</summary>
    public string? Adjective { get; init; }
}

/// <summary>
/// The gazetteers of LanguageData/common (countries, places, organizations, media, persons) compiled
/// for one language into a <see cref="NameTrie"/>. Country and place names come from the column of the
/// pack's language (German "Island" is Iceland, English "Island" is not); organization, media and
/// person aliases are shared by all languages. See each file's header for its columns.
/// </summary>
internal sealed class Gazetteer
{
    private readonly List<GazetteerEntry> _entries = new();
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);

    public NameTrie Trie { get; } = new();
    public IReadOnlyList<GazetteerEntry> Entries => _entries;

    public bool TryGet(string id, out GazetteerEntry entry)
    {
        if (_byId.TryGetValue(id, out int i)) { entry = _entries[i]; return true; }
        entry = null!;
        return false;
    }

    public static Gazetteer For(LanguagePack pack) => pack.Compiled("entities.gazetteer", Build);

    /// <summary>German adjective endings added to a stem ending in "sch" ("russisch" → "russische", "russischen" ...).</summary>
    private static readonly string[] AdjectiveEndings = { "", "e", "en", "em", "er", "es" };

    internal static Gazetteer Build(LanguagePack pack)
    {
        var g = new Gazetteer();
        bool de = pack.Code == "de";
        var abbreviations = pack.IsSupported ? pack.Words("abbreviations") : WordSet.Empty;

        foreach (var group in LanguagePack.CommonRows("name-connectors").GroupBy(r => Col(r, 1)))
            g.Trie.AddEquivalentWords(group.Select(r => NameKeys.Of(r[0])));

        // countries: iso, canonical, names_de, names_en, adj_de, adj_en, gender_de, seats
        foreach (var r in LanguagePack.CommonRows("countries"))
        {
            var adjectives = Split(Col(r, de ? 4 : 5));
            var e = g.AddEntry(new GazetteerEntry
            {
                Index = g._entries.Count, Id = r[0], Type = EntityType.Country, Canonical = r[1], Iso = r[0], Country = r[0],
                Gender = de ? ParseGender(Col(r, 6)) : Gender.Neuter,
                Adjective = adjectives.FirstOrDefault(),
            });
            g.AddAliases(e, Split(Col(r, de ? 2 : 3)), AliasKind.Name, abbreviations);
            g.AddAdjectives(e, adjectives, de, abbreviations);
            g.AddAliases(e, Split(Col(r, 7)), AliasKind.Metonym, abbreviations);
        }

        // organizations: id, canonical, type, country, aliases, short, ambiguous
        foreach (var r in LanguagePack.CommonRows("organizations"))
        {
            var e = g.AddEntry(new GazetteerEntry
            {
                Index = g._entries.Count, Id = r[0], Type = EntityType.Organization, Canonical = r[1],
                Subtype = Opt(Col(r, 2)), Country = Opt(Col(r, 3)), Gender = de ? Gender.Unknown : Gender.Neuter,
            });
            g.AddNames(e, r[1], Col(r, 4), Col(r, 5), Col(r, 6), abbreviations);
        }

        // media: id, canonical, type, country, state_media, public, aliases, short, ambiguous
        foreach (var r in LanguagePack.CommonRows("media"))
        {
            var e = g.AddEntry(new GazetteerEntry
            {
                Index = g._entries.Count, Id = r[0], Type = EntityType.Media, Canonical = r[1],
                Subtype = Opt(Col(r, 2)), Country = Opt(Col(r, 3)),
                StateMedia = Col(r, 4) == "yes", PublicService = Col(r, 5) == "yes",
                Gender = de ? Gender.Unknown : Gender.Neuter,
            });
            g.AddNames(e, r[1], Col(r, 6), Col(r, 7), Col(r, 8), abbreviations);
        }

        // persons: id, canonical, gender, country, aliases, short, note, canonical_en
        foreach (var r in LanguagePack.CommonRows("persons"))
        {
            var english = Col(r, 7);
            var e = g.AddEntry(new GazetteerEntry
            {
                Index = g._entries.Count, Id = r[0], Type = EntityType.Person,
                Canonical = !de && english.Length > 0 ? english : r[1],
                Country = Opt(Col(r, 3)), Gender = Col(r, 2) switch { "F" => Gender.Feminine, "M" => Gender.Masculine, _ => Gender.Unknown },
            });
            g.AddNames(e, r[1], english.Length > 0 ? english + "|" + Col(r, 4) : Col(r, 4), Col(r, 5), "", abbreviations);
        }

        // places: id, canonical, type, country, stands_for, names_de, names_en, adj_de, adj_en, ambiguous
        foreach (var r in LanguagePack.CommonRows("places"))
        {
            var type = Col(r, 2);
            var adjectives = Split(Col(r, de ? 7 : 8));
            var e = g.AddEntry(new GazetteerEntry
            {
                Index = g._entries.Count, Id = r[0], Type = EntityType.Place, Canonical = r[1], Subtype = Opt(type),
                Country = Opt(Col(r, 3)), StandsForId = Opt(Col(r, 4)),
                Gender = !de ? Gender.Neuter : type == "city" ? Gender.Neuter : Gender.Unknown,
                Adjective = adjectives.FirstOrDefault(),
            });
            g.AddAliases(e, Split(Col(r, de ? 5 : 6)), AliasKind.Name, abbreviations);
            g.AddAdjectives(e, adjectives, de, abbreviations);
            g.AddAliases(e, Split(Col(r, 9)), AliasKind.Ambiguous, abbreviations);
        }

        foreach (var e in g._entries)
        {
            if (e.StandsForId is null) continue;
            if (!g._byId.TryGetValue(e.StandsForId, out int target))
                throw new InvalidDataException($"Gazetteer entry '{e.Id}' stands for unknown id '{e.StandsForId}'.");
            e.StandsFor = target;
        }
        return g;
    }

    private GazetteerEntry AddEntry(GazetteerEntry e)
    {
        if (!_byId.TryAdd(e.Id, e.Index))
            throw new InvalidDataException($"Gazetteer id '{e.Id}' is used twice.");
        _entries.Add(e);
        return e;
    }

    /// <summary>The canonical name and the aliases (unless listed as ambiguous: "Der Spiegel", "Heute"), short forms, ambiguous names.</summary>
    private void AddNames(GazetteerEntry e, string canonical, string aliases, string shorts, string ambiguous, WordSet abbreviations)
    {
        var unsure = Split(ambiguous).ToHashSet(StringComparer.OrdinalIgnoreCase);
        AddAliases(e, Split(aliases).Prepend(canonical).Where(a => !unsure.Contains(a)), AliasKind.Name, abbreviations);
        AddAliases(e, Split(shorts), AliasKind.Short, abbreviations);
        AddAliases(e, unsure, AliasKind.Ambiguous, abbreviations);
    }

    private void AddAdjectives(GazetteerEntry e, IEnumerable<string> adjectives, bool de, WordSet abbreviations)
    {
        foreach (var a in adjectives)
        {
            if (de && a.EndsWith("sch", StringComparison.Ordinal))
                foreach (var ending in AdjectiveEndings) AddAlias(e, a + ending, AliasKind.Adjective, abbreviations);
            else
                AddAlias(e, a, AliasKind.Adjective, abbreviations);
        }
    }

    private void AddAliases(GazetteerEntry e, IEnumerable<string> aliases, AliasKind kind, WordSet abbreviations)
    {
        foreach (var a in aliases) AddAlias(e, a, kind, abbreviations);
    }

    /// <summary>Tokenizes the alias with the article tokenizer, so its token boundaries are the ones articles get.</summary>
    private void AddAlias(GazetteerEntry e, string alias, AliasKind kind, WordSet abbreviations)
    {
        var tokens = Tokenizer.Tokenize(alias, abbreviations);
        if (tokens.Length == 0 || tokens.Length > 64) return;
        var keys = new string[tokens.Length];
        ulong caps = 0, allCaps = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            keys[i] = NameKeys.Of(alias.Substring(t.Start, t.Length));
            if (char.IsUpper(alias[t.Start])) caps |= 1UL << i;
            if (t.Has(Document.TokenFlags.AllCaps)) allCaps |= 1UL << i;
        }
        Trie.Add(keys, new AliasPayload(e.Index, kind, (byte)tokens.Length, caps, allCaps));
    }

    internal static string Col(string[] row, int i) => i < row.Length && row[i] != "-" ? row[i] : "";
    private static string? Opt(string s) => s.Length == 0 ? null : s;

    internal static IEnumerable<string> Split(string cell) =>
        cell.Length == 0 ? Array.Empty<string>() : cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Gender ParseGender(string g) => g switch
    {
        "m" => Gender.Masculine,
        "f" => Gender.Feminine,
        "n" => Gender.Neuter,
        "pl" => Gender.Plural,
        _ => Gender.Unknown,
    };
}
