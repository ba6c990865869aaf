using System.Globalization;
using Hearsay.Provenance.Model;
using Hearsay.Quantities;

namespace Hearsay.Provenance.Matching;

/// <summary>What a term stands for; each kind has its own weight in the similarity (see <see cref="TermTable.Factor"/>).</summary>
public enum TermKind : byte
{
    /// <summary>A stem with no concept in the lexicon ("korotchenko", "pjongjang"): shared by both languages as written.</summary>
    Word,
    /// <summary>A concept of the bilingual lexicon: "Truppen", "troops" and "soldiers" are one term. A German
    /// compound the lexicon lacks gives the concepts of its parts too ("Staatsfernsehen" → state, television); a
    /// claim marks those that came only from such parts (<see cref="ClaimVector.PartOnly"/>).</summary>
    Concept,
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

    /// <summary>Weight factor of a term kind: entities and numbers say most about which claim it is.</summary>
    public static double Factor(TermKind kind) => kind switch
    {
        TermKind.Entity => 1.5,
        TermKind.Number => 1.3,
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
    /// <summary>The claim is negated ("nicht", "kein", "not", "never"): it does not state what the same words
    /// without the negation state.</summary>
    public bool Negated { get; init; }
    /// <summary>The sorted terms that only a part of a compound gave ("Arbeitsmarkt" → job, market): they weigh
    /// less, and one compound does not count as several shared words.</summary>
    public int[] PartOnly { get; init; } = [];
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
            double value = Comparable(q);
            terms.Add(table.Intern(NumberTerm(value), TermKind.Number));
            if (q.Drifts)
            {
                values.Add(value);
                vague.Add(q.Bound == "lower" && q.Approximate);
            }
        }
        var covered = claim.Covered.Count > 1 ? Merge(claim.Covered) : claim.Covered;
        var parts = new HashSet<int>();
        bool negated = Words(claim.Text, language, covered, terms, parts, values, vague);
        return Build(terms, parts, values, vague, negated);
    }

    /// <summary>The terms of bare text (no entity or quantity layer): words, and numbers parsed from digits.</summary>
    public ClaimVector NormalizeText(string text, string language)
    {
        var terms = new HashSet<int>();
        var values = new List<double>();
        var vague = new List<bool>();
        var parts = new HashSet<int>();
        bool negated = Words(text, language, [], terms, parts, values, vague);
        return Build(terms, parts, values, vague, negated);
    }

    /// <summary>Spans in order, overlapping ones joined (entity names, numbers and attribution phrases may overlap).</summary>
    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        var sorted = spans.OrderBy(c => c.Start).ToList();
        var merged = new List<(int Start, int End)>(sorted.Count) { sorted[0] };
        for (int i = 1; i < sorted.Count; i++)
        {
            var last = merged[^1];
            if (sorted[i].Start <= last.End) merged[^1] = (last.Start, Math.Max(last.End, sorted[i].End));
            else merged.Add(sorted[i]);
        }
        return merged;
    }

    /// <summary>The term strings of bare text, for tests and diagnostics.</summary>
    public IReadOnlyList<string> Explain(ClaimVector v) => v.Terms.Select(table.Name).ToList();

    private static ClaimVector Build(HashSet<int> terms, HashSet<int> parts, List<double> values, List<bool> vague, bool negated)
    {
        parts.ExceptWith(terms);
        terms.UnionWith(parts);
        var arr = terms.ToArray();
        Array.Sort(arr);
        var partOnly = parts.Count == 0 ? [] : parts.ToArray();
        Array.Sort(partOnly);
        return new ClaimVector { Terms = arr, Values = values.ToArray(), Vague = vague.ToArray(), Negated = negated, PartOnly = partOnly };
    }

    /// <summary>A quantity's value on a scale the reports of one claim share whatever unit they chose: areas in
    /// hectares ("120 Quadratkilometer" = "12,000 hectares"; "30,000 acres" is about 12,100), and a fraction
    /// written as words ("ein Drittel", "half") as a percentage, as news states shares ("40 %").</summary>
    internal static double Comparable(QuantityFact q)
    {
        double v = q.Value;
        switch (q.Unit)
        {
            case "ha": return v;
            case "km2": return v * 100;
            case "m2": return v / 10_000;
            case "acre": return v * 0.40468564224;
            case "mi2": return v * 258.9988110336;
        }
        if (q.Kind == "count" && string.IsNullOrEmpty(q.Unit) && v is > 0 and < 1) return Math.Round(v * 100, 4);
        return v;
    }

    internal static string NumberTerm(double value) => "n:" + value.ToString("G6", CultureInfo.InvariantCulture);

    /// <returns>Whether a negation word was read.</returns>
    private bool Words(string text, string language, List<(int Start, int End)> covered, HashSet<int> terms, HashSet<int> parts, List<double> values, List<bool> vague)
    {
        string lang = language == "de" ? "de" : "en";
        bool negated = false;
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
                negated |= Word(text.AsSpan(i, j - i), lang, terms, parts);
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
        return negated;
    }

    /// <returns>Whether the word is a negation (it adds no term then).</returns>
    private bool Word(ReadOnlySpan<char> word, string lang, HashSet<int> terms, HashSet<int> parts)
    {
        if (word.Length < 2 || word.Length > 64) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (_data.IsNegation(lower, lang)) return true;
        if (_data.IsStopWord(lower, lang)) return false;
        var stem = LightStemmer.Stem(word, lang);
        if (stem.Length < 2) return false;
        if (_data.Concept(stem, lang) is { } concept)
        {
            terms.Add(table.Intern("c:" + concept, TermKind.Concept));
            if (_data.SecondConcept(stem, lang) is { } second) terms.Add(table.Intern("c:" + second, TermKind.Concept));
            return false;
        }
        if (lang == "de" && _data.TrySplitCompound(stem, out var modifier, out var head))
        {
            parts.Add(table.Intern("c:" + head, TermKind.Concept));
            if (modifier is not null) parts.Add(table.Intern("c:" + modifier, TermKind.Concept));
        }
        terms.Add(table.Intern("w:" + stem, TermKind.Word));
        return false;
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
