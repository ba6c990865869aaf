using Hearsay.Languages;

namespace Hearsay.Structure;

/// <summary>
/// The layout vocabulary shared by the structure finders, compiled once from
/// LanguageData/common/structure-markers.tsv, news-agencies.tsv and html-class-hints.tsv.
/// Structure is found before the language is known, so the markers of every language apply.
/// </summary>
internal sealed class StructureLexicon
{
    private static readonly Lazy<StructureLexicon> Instance = new(() => new StructureLexicon(
        LanguagePack.CommonRows("structure-markers"),
        LanguagePack.CommonRows("news-agencies"),
        LanguagePack.CommonRows("html-class-hints")));

    public static StructureLexicon Default => Instance.Value;

    /// <summary>Byline openers, longest first, lower case, single-spaced ("ein kommentar von", "von", "by").</summary>
    public string[] BylineMarkers { get; }
    /// <summary>Credit openers, longest first, lower case ("photo credit:", "foto:", "©").</summary>
    public string[] CreditMarkers { get; }
    public WordSet Joiners { get; }
    public WordSet NameParticles { get; }
    public WordSet PlaceParticles { get; }
    /// <summary>Prepositions that put a place after the author names of a byline ("in", "aus").</summary>
    public WordSet PlaceOpeners { get; }
    public WordSet NotPlace { get; }
    public WordSet Agencies { get; }

    private readonly WordMap<HtmlRole> _htmlWords;
    private readonly (string Part, HtmlRole Role)[] _htmlParts;

    internal StructureLexicon(IReadOnlyList<string[]> markers, IReadOnlyList<string[]> agencies, IReadOnlyList<string[]> hints)
    {
        IEnumerable<string> Of(string kind) => markers.Where(r => r.Length >= 2 && r[0] == kind).Select(r => r[1].ToLowerInvariant());
        BylineMarkers = Of("byline").Distinct().OrderByDescending(m => m.Length).ToArray();
        CreditMarkers = Of("credit").Distinct().OrderByDescending(m => m.Length).ToArray();
        Joiners = new WordSet(Of("joiner"));
        NameParticles = new WordSet(Of("name-particle"));
        PlaceParticles = new WordSet(Of("place-particle"));
        PlaceOpeners = new WordSet(Of("byline-place"));
        NotPlace = new WordSet(Of("not-place"));
        Agencies = new WordSet(agencies.Select(r => r[0]));

        var words = new List<KeyValuePair<string, HtmlRole>>();
        var parts = new List<(string, HtmlRole)>();
        foreach (var r in hints)
        {
            if (r.Length < 2 || !Enum.TryParse<HtmlRole>(r[0], ignoreCase: true, out var role)) continue;
            if (r.Length >= 3 && r[2] == "part") parts.Add((r[1].ToLowerInvariant(), role));
            else words.Add(new(r[1], role));
        }
        _htmlWords = new WordMap<HtmlRole>(words);
        _htmlParts = parts.ToArray();
    }

    /// <summary>The role an HTML class or id word names, or <see cref="HtmlRole.None"/>.</summary>
    public HtmlRole RoleOfClassWord(ReadOnlySpan<char> word)
    {
        if (word.Length == 0) return HtmlRole.None;
        if (_htmlWords.TryGet(word, out var role)) return role;
        foreach (var (part, r) in _htmlParts)
            if (word.Contains(part, StringComparison.OrdinalIgnoreCase)) return r;
        return HtmlRole.None;
    }

    /// <summary>Length of the marker at the start of <paramref name="text"/> (case-insensitive, any run of
    /// spaces matching one space), or 0. The marker must end at a word boundary.</summary>
    public static int MatchMarker(ReadOnlySpan<char> text, string marker)
    {
        int i = 0;
        foreach (char m in marker)
        {
            if (m == ' ')
            {
                if (i >= text.Length || !char.IsWhiteSpace(text[i])) return 0;
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                continue;
            }
            if (i >= text.Length || char.ToLowerInvariant(text[i]) != m) return 0;
            i++;
        }
        if (char.IsLetterOrDigit(marker[^1]) && i < text.Length && char.IsLetterOrDigit(text[i])) return 0;
        return i;
    }
}

/// <summary>What an HTML class word says about its element.</summary>
internal enum HtmlRole : byte { None, Noise, Byline, Teaser, Caption, Credit, Date }
