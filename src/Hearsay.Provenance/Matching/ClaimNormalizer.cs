using System.Globalization;
using Hearsay.Provenance.Model;
using Hearsay.Quantities;

namespace Hearsay.Provenance.Matching;

/// <summary>What a term stands for; each kind has its own weight in the similarity (see <see cref="TermTable.Factor"/>).</summary>
public enum TermKind : byte
{
    /// <summary>A stem with no concept in the lexicon ("korotchenko", "pjongjang"): shared by both languages as written.</summary>
    Word,
    /// <summary>A concept of the bilingual lexicon: "Truppen", "troops" and "soldiers" are one term.</summary>
    Concept,
    /// <summary>A concept found as a part of a German compound ("Staatsfernsehen" → state, television).</summary>
    CompoundPart,
    /// <summary>An entity by its language-independent key ("KP" for "Nordkorea", "North Korea" and "nordkoreanische").</summary>
    Entity,
    /// <summary>A number's value, whatever its format ("100.000", "100,000", "100 000", "one hundred thousand").</summary>
    Number,
    /// <summary>A date's normalized value ("2022-08").</summary>
    Date,
}

/// <summary>Interns term strings as ints and remembers each term's kind. Thread-safe.</summary>
public sealed class TermTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();
    private readonly List<TermKind> _kinds = new();
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) return _names.Count; } }

    public int Intern(string term, TermKind kind)
    {
        lock (_lock)
        {
            if (_ids.TryGetValue(term, out int id)) return id;
            id = _names.Count;
            _ids[term] = id;
            _names.Add(term);
            _kinds.Add(kind);
            return id;
        }
    }

    public string Name(int id) { lock (_lock) return _names[id]; }
    public TermKind Kind(int id) { lock (_lock) return _kinds[id]; }

    /// <summary>Weight factor of a term kind: entities and numbers say most about which claim it is, compound
    /// parts least (the split may be wrong).</summary>
    public static double Factor(TermKind kind) => kind switch
    {
        TermKind.Entity => 1.5,
        TermKind.Number => 1.3,
        TermKind.CompoundPart => 0.6,
        TermKind.Date => 0.7,
        _ => 1.0,
    };
}

/// <summary>A claim as the matcher sees it: its sorted distinct terms, and the values of the quantities that can
/// drift between reports (with whether each is vague: "tens of thousands" is a lower bound, not a value).</summary>
public sealed class ClaimVector
{
    public required int[] Terms { get; init; }
    public required double[] Values { get; init; }
    public required bool[] Vague { get; init; }
    public static readonly ClaimVector Empty = new() { Terms = [], Values = [], Vague = [] };
}

/// <summary>
/// Turns a claim into terms for matching across articles and languages:
/// <list type="bullet">
/// <item>words: lower-cased, stop words out (<see cref="MatchingData"/>), stemmed (<see cref="LightStemmer"/>),
///   mapped to a concept of the bilingual lexicon where it has one, German compounds split into known parts;</item>
/// <item>entities: by key, from the entity layer (names, partial names and adjectives: "nordkoreanische" is KP);
///   the words of a name are then not read again as words;</item>
/// <item>numbers: by value, from the quantity layer, or parsed from the digits when the claim comes as bare
///   text ("100.000" in German, "100,000" and "100 000" in English are one value).</item>
/// </list>
/// </summary>
public sealed class ClaimNormalizer(TermTable table, MatchingData? data = null)
{
    private readonly MatchingData _data = data ?? MatchingData.Default;

    public TermTable Table => table;

    /// <summary>The terms of a claim mention of an analyzed article.</summary>
    public ClaimVector Normalize(ClaimMention claim, string language)
    {
        var terms = new HashSet<int>();
        var values = new List<double>();
        var vague = new List<bool>();
        foreach (var key in claim.EntityKeys) terms.Add(table.Intern("e:" + key, TermKind.Entity));
        foreach (var q in claim.Quantities)
        {
            if (q.Kind == "date")
            {
                if (q.ValueText is { Length: > 0 } vt) terms.Add(table.Intern("d:" + vt, TermKind.Date));
                continue;
            }
            if (!double.IsFinite(q.Value)) continue;
            terms.Add(table.Intern(NumberTerm(q.Value), TermKind.Number));
            if (q.Drifts)
            {
                values.Add(q.Value);
                vague.Add(q.Bound == "lower" && q.Approximate);
            }
        }
        var covered = claim.Covered.Count > 1 ? claim.Covered.OrderBy(c => c.Start).ToList() : claim.Covered;
        Words(claim.Text, language, covered, terms, values, vague);
        return Build(terms, values, vague);
    }

    /// <summary>The terms of bare text (no entity or quantity layer): words, and numbers parsed from digits.</summary>
    public ClaimVector NormalizeText(string text, string language)
    {
        var terms = new HashSet<int>();
        var values = new List<double>();
        var vague = new List<bool>();
        Words(text, language, [], terms, values, vague);
        return Build(terms, values, vague);
    }

    /// <summary>The term strings of bare text, for tests and diagnostics.</summary>
    public IReadOnlyList<string> Explain(ClaimVector v) => v.Terms.Select(table.Name).ToList();

    private static ClaimVector Build(HashSet<int> terms, List<double> values, List<bool> vague)
    {
        var arr = terms.ToArray();
        Array.Sort(arr);
        return new ClaimVector { Terms = arr, Values = values.ToArray(), Vague = vague.ToArray() };
    }

    internal static string NumberTerm(double value) => "n:" + value.ToString("G6", CultureInfo.InvariantCulture);

    private void Words(string text, string language, List<(int Start, int End)> covered, HashSet<int> terms, List<double> values, List<bool> vague)
    {
        string lang = language == "de" ? "de" : "en";
        int ci = 0, i = 0, n = text.Length;
        while (i < n)
        {
            while (ci < covered.Count && covered[ci].End <= i) ci++;
            if (ci < covered.Count && covered[ci].Start <= i) { i = covered[ci].End; continue; }
            char c = text[i];
            if (char.IsLetter(c))
            {
                int j = i + 1;
                while (j < n && (char.IsLetterOrDigit(text[j]) || IsGenderMarker(text, j) || IsInnerApostrophe(text, j))) j++;
                Word(text.AsSpan(i, j - i), lang, terms);
                i = j;
            }
            else if (char.IsDigit(c))
            {
                int j = NumberEnd(text, i);
                // The digits and a scale word after them ("1,3 Millionen", "2.5 million") when that reads as one number.
                double value;
                int k = j;
                while (k < n && text[k] == ' ') k++;
                int w = k;
                while (w < n && char.IsLetter(text[w])) w++;
                if (w > k && NumberParser.TryParse(text.AsSpan(i, w - i), lang, out value)) j = w;
                else if (!NumberParser.TryParse(text.AsSpan(i, j - i), lang, out value)) value = double.NaN;
                if (double.IsFinite(value))
                {
                    terms.Add(table.Intern(NumberTerm(value), TermKind.Number));
                    if (!(value is >= 1900 and <= 2100 && value == Math.Floor(value))) { values.Add(value); vague.Add(false); }
                }
                i = j;
            }
            else i++;
        }
    }

    private void Word(ReadOnlySpan<char> word, string lang, HashSet<int> terms)
    {
        if (word.Length < 2 || word.Length > 64) return;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (_data.IsStopWord(lower, lang)) return;
        var stem = LightStemmer.Stem(word, lang);
        if (stem.Length < 2) return;
        if (_data.Concept(stem, lang) is { } concept)
        {
            terms.Add(table.Intern("c:" + concept, TermKind.Concept));
            return;
        }
        if (lang == "de" && _data.TrySplitCompound(stem, out var modifier, out var head))
        {
            terms.Add(table.Intern("c:" + head, TermKind.CompoundPart));
            if (modifier is not null) terms.Add(table.Intern("c:" + modifier, TermKind.CompoundPart));
        }
        terms.Add(table.Intern("w:" + stem, TermKind.Word));
    }

    /// <summary>":", "*", "_" or "·" before "in"/"innen" inside a German word ("Soldat:innen").</summary>
    private static bool IsGenderMarker(string text, int j) =>
        text[j] is ':' or '*' or '_' or '·' && j + 2 < text.Length && text[j + 1] == 'i' && text[j + 2] == 'n'
        && j > 0 && char.IsLetter(text[j - 1]);

    private static bool IsInnerApostrophe(string text, int j) =>
        text[j] is '\'' or '’' && j + 1 < text.Length && char.IsLetter(text[j + 1]) && j > 0 && char.IsLetter(text[j - 1]);

    /// <summary>End of a number written in digits: digits, '.' or ',' between digits, and a space before a group
    /// of exactly three digits ("100 000").</summary>
    private static int NumberEnd(string text, int i)
    {
        int n = text.Length, j = i, groupStart = i;
        bool spaced = false;
        while (j < n)
        {
            if (char.IsDigit(text[j])) { j++; continue; }
            if (!spaced && text[j] is '.' or ',' && j + 1 < n && char.IsDigit(text[j + 1])) { j++; continue; }
            // "100 000": a space groups digits when one to three digits precede it and exactly three follow.
            if (text[j] is ' ' or '\u00A0' or '\u202F' or '\u2009' && j - groupStart <= 3 && (spaced || j - i <= 3) && Group3(text, j + 1))
            {
                spaced = true;
                j++;
                groupStart = j;
                continue;
            }
            break;
        }
        return j;
    }

    private static bool Group3(string text, int k)
    {
        if (k + 3 > text.Length) return false;
        for (int m = 0; m < 3; m++) if (!char.IsDigit(text[k + m])) return false;
        return k + 3 == text.Length || !char.IsDigit(text[k + 3]);
    }
}
