using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Entities;

/// <summary>Closed-class word classes (closed-class-words.tsv).</summary>
internal enum WordClass : byte
{
    None,
    Article,
    Determiner,
    Preposition,
    Conjunction,
    Subordinator,
    Pronoun,
    Adverb,
    Auxiliary,
    Negation,
    Particle,
    /// <summary>Indefinite articles ("ein", "a"): "eine Stiftung für Kinder" is no name.</summary>
    Indefinite,
    /// <summary>Weekdays and time nouns ("Montag", "Anfang", "Monday"): capitalized, never names here.</summary>
    Time,
}

/// <summary>How a name particle behaves (name-particles.tsv).</summary>
internal enum ParticleKind : byte
{
    /// <summary>Starts a particle run before a surname ("von", "de").</summary>
    Lead,
    /// <summary>Only continues a run ("der" in "von der Leyen").</summary>
    Follow,
    /// <summary>Starts a run and is no ordinary word, so it marks a surname even without a first name ("van", "bin", "al").</summary>
    Strong,
}

internal readonly record struct FirstName(Gender Gender, bool CommonWord);

internal readonly record struct RoleNoun(Gender Gender, bool Title);

/// <param name="Legal">A legal form after the name ("GmbH", "Inc.").</param>
/// <param name="English">An English head in a German list: name words before it follow English rules ("California Institute").</param>
internal readonly record struct OrgKeyword(bool Legal, bool Media, string? Subtype, bool TakesPlace, bool English = false);

/// <summary>
/// The word lists of one language that the entity stage reads besides the gazetteer: first names,
/// person roles and titles, closed-class words, organization keywords, place nouns, cue words for
/// ambiguous names, direction prefixes and common-noun endings (German), name particles.
/// </summary>
internal sealed class EntityLexicon
{
    public KeyMap<FirstName> FirstNames { get; } = new();
    /// <summary>Frequent family names (common/surnames.tsv): a hint for the name tagger only.</summary>
    public KeyMap<bool> Surnames { get; } = new();
    /// <summary>One-word names of towns, regions, rivers, mountains and islands (common/place-names.tsv): a hint
    /// for the name tagger only.</summary>
    public KeyMap<bool> PlaceNames { get; } = new();
    /// <summary>Role nouns and titles that stand alone.</summary>
    public KeyMap<RoleNoun> Roles { get; } = new();
    /// <summary>Role nouns that also end compounds ("Militär|experte", "Staats|chef").</summary>
    public KeyMap<RoleNoun> RoleHeads { get; } = new();
    public KeyMap<WordClass> ClosedClass { get; } = new();
    public KeyMap<OrgKeyword> OrgKeywords { get; } = new();
    /// <summary>Organization keywords that also end compounds ("Forschungs|institut").</summary>
    public KeyMap<OrgKeyword> OrgHeads { get; } = new();
    /// <summary>Geographic head nouns after a place name ("Donbass-Region", "Gaza-Streifen", "Ohio River").</summary>
    public KeyMap<bool> GeoHeads { get; } = new();
    /// <summary>Geographic words before a place name ("Mount Kenya", "Lake Baikal").</summary>
    public KeyMap<bool> GeoPrefixes { get; } = new();
    /// <summary>Direction words before a place name in English ("East Africa", "northern Syria").</summary>
    public KeyMap<bool> DirectionWords { get; } = new();
    /// <summary>Prefixes of one-word organization compounds ("Bundes|justizministerium", "Landes|amt").</summary>
    public string[] OrgPrefixes { get; }
    /// <summary>Nouns for parts or people of a place: "die Straßen Moskaus" is the city, not the government.</summary>
    public KeyMap<bool> PlaceParts { get; } = new();
    /// <summary>Words that confirm an ambiguous media or organization name right after them ("Zeitung", "laut").</summary>
    public KeyMap<bool> NameCues { get; } = new();
    /// <summary>Speech words next to which a single unknown capitalized word is a surname ("sagt Tarlo.").</summary>
    public KeyMap<bool> SpeechWords { get; } = new();
    public KeyMap<ParticleKind> Particles { get; } = new();
    /// <summary>Generation suffixes after a surname ("Jr.", "III").</summary>
    public KeyMap<bool> NameSuffixes { get; } = new();
    /// <summary>Words that join the parts of a name: "prep" ("of", "für"), "and" ("and", "&amp;"), "genitive" ("der").</summary>
    public KeyMap<string> Connectors { get; } = new();
    public KeyMap<bool> Months { get; } = new();
    /// <summary>Head nouns that name an organization standing right after them ("des Herstellers X", "carmaker X"),
    /// with the subtype they give (org-appositives.tsv).</summary>
    public KeyMap<string> OrgAppositives { get; } = new();
    /// <summary>Common nouns and currency words that are no name on the tagger's word alone (not-names.tsv).</summary>
    public KeyMap<bool> NotNames { get; } = new();
    /// <summary>Those of <see cref="OrgAppositives"/> that also end compounds ("Energie|konzerns").</summary>
    public KeyMap<string> OrgAppositiveHeads { get; } = new();
    /// <summary>Direction prefixes of compounds, longest first ("nordost", "ost").</summary>
    public string[] DirectionPrefixes { get; }
    /// <summary>Endings of German common nouns that are never surnames ("-ung", "-heit").</summary>
    public string[] NounEndings { get; }
    public bool German { get; }

    private KeyMap<int>? _taggerBits;
    /// <summary>What the word lists say about each listed word, as the name tagger's bits (built on first use).</summary>
    public KeyMap<int> TaggerBits => LazyInitializer.EnsureInitialized(ref _taggerBits, () => NameFeatures.WordBits(this));

    public static EntityLexicon For(LanguagePack pack) => pack.Compiled("entities.lexicon", p => new EntityLexicon(p));

    private EntityLexicon(LanguagePack pack)
    {
        German = pack.Code == "de";
        // Given names travel: the pack's own list first, then the other languages' (first entry wins).
        foreach (var lang in LanguageRegistry.Default.Supported.OrderBy(l => l == pack.Code ? 0 : 1))
            foreach (var r in LexiconFile.ReadEmbedded(lang, "first-names"))
                FirstNames.Add(r[0], new FirstName(ParseGender(Gazetteer.Col(r, 1)), Gazetteer.Col(r, 2) == "yes"));
        foreach (var r in LanguagePack.CommonRows("surnames")) Surnames.Add(r[0], true);
        foreach (var r in LanguagePack.CommonRows("place-names")) PlaceNames.Add(r[0], true);
        foreach (var r in pack.Rows("person-roles"))
        {
            var role = new RoleNoun(ParseGender(Gazetteer.Col(r, 1)), Gazetteer.Col(r, 2) == "title");
            Roles.Add(r[0], role);
            if (Gazetteer.Col(r, 3) == "yes") RoleHeads.Add(r[0], role);
        }
        foreach (var r in pack.Rows("closed-class-words"))
            ClosedClass.Add(r[0], ParseClass(Gazetteer.Col(r, 1)));
        var orgPrefixes = new List<string>();
        foreach (var r in pack.Rows("org-keywords"))
        {
            var kind = Gazetteer.Col(r, 1);
            if (kind == "prefix") { orgPrefixes.Add(NameKeys.Of(r[0])); continue; }
            var k = new OrgKeyword(kind == "legal", Gazetteer.Col(r, 3) == "media",
                Gazetteer.Col(r, 4) is { Length: > 0 } s ? s : null, Gazetteer.Col(r, 5) == "yes", kind == "head-en");
            OrgKeywords.Add(r[0], k);
            if (Gazetteer.Col(r, 2) == "yes") OrgHeads.Add(r[0], k);
        }
        OrgPrefixes = orgPrefixes.ToArray();
        foreach (var r in pack.Rows("place-nouns"))
        {
            switch (Gazetteer.Col(r, 1))
            {
                case "geo": GeoHeads.Add(r[0], true); break;
                case "geo-prefix": GeoPrefixes.Add(r[0], true); break;
                default: PlaceParts.Add(r[0], true); break;
            }
        }
        foreach (var r in pack.Rows("name-cues")) (Gazetteer.Col(r, 1) == "speech" ? SpeechWords : NameCues).Add(r[0], true);
        foreach (var r in pack.Rows("months")) Months.Add(r[0], true);
        foreach (var r in pack.Rows("not-names")) NotNames.Add(r[0], true);
        foreach (var r in pack.Rows("org-appositives"))
        {
            var subtype = Gazetteer.Col(r, 1);
            OrgAppositives.Add(r[0], subtype);
            if (Gazetteer.Col(r, 2) == "yes") OrgAppositiveHeads.Add(r[0], subtype);
        }
        foreach (var r in LanguagePack.CommonRows("name-particles"))
        {
            var cls = Gazetteer.Col(r, 1);
            if (cls == "suffix") NameSuffixes.Add(r[0], true);
            else Particles.Add(r[0], cls switch { "strong" => ParticleKind.Strong, "follow" => ParticleKind.Follow, _ => ParticleKind.Lead });
        }
        foreach (var r in LanguagePack.CommonRows("name-connectors")) Connectors.Add(r[0], Gazetteer.Col(r, 1));
        DirectionPrefixes = pack.Rows("direction-prefixes").Select(r => NameKeys.Of(r[0]))
            .OrderByDescending(p => p.Length).ToArray();
        foreach (var r in pack.Rows("direction-words")) DirectionWords.Add(r[0], true);
        NounEndings = pack.Rows("noun-endings").Select(r => NameKeys.Of(r[0])).ToArray();
        foreach (var e in NounEndings) _nounEndings.Add(e, true);
    }

    public WordClass ClassOf(ReadOnlySpan<char> key) => ClosedClass.TryGet(key, out var c) ? c : WordClass.None;

    /// <summary>The role noun a word is or ends with ("Militärexperte" → experte), also in the plural
    /// ("Experten", "Journalistinnen", "analysts").</summary>
    public bool TryRole(ReadOnlySpan<char> key, out RoleNoun role)
    {
        if (TryRoleSingular(key, out role)) return true;
        foreach (var ending in PluralEndings)
            if (key.Length > ending.Length + 3 && key.EndsWith(ending, StringComparison.Ordinal) && TryRoleSingular(key[..^ending.Length], out role))
                return true;
        return false;
    }

    private static readonly string[] PluralEndings = { "nen", "en", "n", "s", "e" };

    private bool TryRoleSingular(ReadOnlySpan<char> key, out RoleNoun role) =>
        Roles.TryGet(key, out role) || (key.Length > 5 && RoleHeads.TryGetSuffix(key, 3, 2, out role));

    public bool TryOrgKeyword(ReadOnlySpan<char> key, out OrgKeyword keyword) =>
        OrgKeywords.TryGet(key, out keyword) || (key.Length > 5 && OrgHeads.TryGetSuffix(key, 3, 2, out keyword));

    /// <summary>Whether the word ends in one of <see cref="NounEndings"/> with at least two letters before it (one walk
    /// of the endings' suffix trie).</summary>
    public bool HasNounEnding(ReadOnlySpan<char> key) => _nounEndings.TryGetSuffix(key, 1, 2, out _);

    private readonly KeyMap<bool> _nounEndings = new();

    private static Gender ParseGender(string g) => g switch
    {
        "M" => Gender.Masculine,
        "F" => Gender.Feminine,
        _ => Gender.Unknown,
    };

    private static WordClass ParseClass(string c) => c switch
    {
        "art" => WordClass.Article,
        "det" => WordClass.Determiner,
        "prep" => WordClass.Preposition,
        "conj" => WordClass.Conjunction,
        "sconj" => WordClass.Subordinator,
        "pron" => WordClass.Pronoun,
        "adv" => WordClass.Adverb,
        "aux" => WordClass.Auxiliary,
        "neg" => WordClass.Negation,
        "part" => WordClass.Particle,
        "indef" => WordClass.Indefinite,
        "time" => WordClass.Time,
        _ => WordClass.None,
    };
}
