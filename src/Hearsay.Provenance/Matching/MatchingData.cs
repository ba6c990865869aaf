using System.Reflection;
using System.Text;
using Hearsay.Languages;

namespace Hearsay.Provenance.Matching;

/// <summary>
/// The data the claim matcher reads, loaded once: stop words (the closed-class lists of the language packs
/// plus Data/matching-stopwords.tsv), negation words (Data/negation-words.tsv), opposite concepts
/// (Data/opposite-concepts.tsv) and the bilingual lexicon (Data/bilingual-de-en.tsv), which maps German
/// and English words, after stemming, to shared concepts.
/// </summary>
public sealed class MatchingData
{
    private static readonly Lazy<MatchingData> Instance = new(() => new MatchingData());
    public static MatchingData Default => Instance.Value;

    private readonly Dictionary<string, HashSet<string>> _stop = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopDe, _stopEn;
    private readonly HashSet<string> _negationDe = new(StringComparer.Ordinal), _negationEn = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _negDe, _negEn;
    private readonly Dictionary<string, Dictionary<string, string>> _concepts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _germanParts = new(StringComparer.Ordinal);
    /// <summary>Per language, stems that state a second concept besides their own ("streichen": cancel, and decrease
    /// as in "Stellen streichen"), from forms listed with a leading '+'.</summary>
    private readonly Dictionary<string, Dictionary<string, string>> _second = new(StringComparer.Ordinal)
    {
        ["de"] = new(StringComparer.Ordinal),
        ["en"] = new(StringComparer.Ordinal),
    };

    /// <summary>Forms listed with '+' (a second concept) whose stem has no concept of its own; a data test keeps this empty.</summary>
    public List<string> SecondWithoutFirst { get; } = new();
    private Dictionary<string, string> _germanConcepts => _concepts["de"];

    /// <summary>Pairs of concepts that state opposite things (Data/opposite-concepts.tsv).</summary>
    public List<(string A, string B)> Opposites { get; } = new();
    private readonly Dictionary<string, List<string>> _opposites = new(StringComparer.Ordinal);

    private void AddOpposite(string a, string b)
    {
        if (!_opposites.TryGetValue(a, out var list)) _opposites[a] = list = new List<string>();
        list.Add(b);
    }

    /// <summary>The concepts opposite to a concept ("increase" → "decrease").</summary>
    public IReadOnlyList<string> OppositesOf(string concept) => _opposites.TryGetValue(concept, out var l) ? l : [];

    /// <summary>Every concept of the lexicon.</summary>
    public HashSet<string> Concepts { get; } = new(StringComparer.Ordinal);

    /// <summary>Stems that two concepts of the lexicon claim (the first listed wins); a data test keeps this empty.</summary>
    public List<string> Conflicts { get; } = new();
    public int ConceptCount { get; private set; }

    private MatchingData()
    {
        foreach (var lang in new[] { "de", "en" })
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var pack = LanguageRegistry.Default.For(lang);
            foreach (var name in new[] { "function-words", "closed-class-words" })
                foreach (var r in pack.Rows(name)) set.Add(r[0].ToLowerInvariant());
            _stop[lang] = set;
            _concepts[lang] = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        foreach (var r in Rows("matching-stopwords"))
            if (r.Length >= 2 && _stop.TryGetValue(r[1], out var set)) set.Add(r[0].ToLowerInvariant());
        _stopDe = _stop["de"].GetAlternateLookup<ReadOnlySpan<char>>();
        _stopEn = _stop["en"].GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var r in Rows("opposite-concepts"))
            if (r.Length >= 2)
            {
                Opposites.Add((r[0], r[1]));
                AddOpposite(r[0], r[1]);
                AddOpposite(r[1], r[0]);
            }
        foreach (var r in Rows("negation-words"))
            if (r.Length >= 2) (r[1] == "de" ? _negationDe : _negationEn).Add(r[0].ToLowerInvariant());
        _negDe = _negationDe.GetAlternateLookup<ReadOnlySpan<char>>();
        _negEn = _negationEn.GetAlternateLookup<ReadOnlySpan<char>>();

        // Columns: concept, English words ('|'), German words ('|').
        var concepts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rows("bilingual-de-en"))
        {
            if (r.Length < 3) continue;
            var concept = r[0];
            concepts.Add(concept);
            Concepts.Add(concept);
            AddForms("en", concept, r[1]);
            AddForms("de", concept, r[2]);
        }
        foreach (var r in Rows("bilingual-de-en"))
            if (r.Length >= 3) DeriveGermanVerbForms(r[0], r[2]);
        foreach (var (lang, map) in _second)
            foreach (var (stem, concept) in map)
                if (!_concepts[lang].TryGetValue(stem, out var first)) SecondWithoutFirst.Add($"{lang}:{stem} ({concept})");
                else if (first == concept) SecondWithoutFirst.Add($"{lang}:{stem} ({concept} twice)");
        ConceptCount = concepts.Count;
    }

    private void AddForms(string lang, string concept, string forms)
    {
        var map = _concepts[lang];
        foreach (var form in forms.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // The matcher reads single words (hyphenated words as their parts), so only single-word forms count.
            if (form.Contains(' ') || form.Contains('-')) continue;
            if (form[0] == '+')
            {
                // A second concept of a word listed under its own concept elsewhere.
                var second = LightStemmer.Stem(form.AsSpan(1), lang);
                if (second.Length > 0) _second[lang].TryAdd(second, concept);
                continue;
            }
            var stem = LightStemmer.Stem(form, lang);
            if (stem.Length == 0) continue;
            if (map.TryGetValue(stem, out var other))
            {
                if (other != concept) Conflicts.Add($"{lang}:{stem} ({other} / {concept})");
                continue;
            }
            map[stem] = concept;
            if (lang == "de") _germanParts.Add(stem);
        }
    }

    /// <summary>Regular German verbs: the infinitive brings its present, past and participle forms ("schicken" →
    /// "schickt", "schickte", "geschickt"), after every listed form is in, so a listed form always wins.</summary>
    private void DeriveGermanVerbForms(string concept, string forms)
    {
        var map = _concepts["de"];
        foreach (var form in forms.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (form.Length < 5 || !char.IsLower(form[0]) || !form.EndsWith('n') || form.Contains(' ') || form.Contains('-')) continue;
            var root = form.EndsWith("en") ? form[..^2] : form[..^1];
            foreach (var derived in new[] { root + "t", root + "te", root + "ten", root + "e", "ge" + root + "t" })
            {
                var stem = LightStemmer.German(derived);
                if (stem.Length > 2) map.TryAdd(stem, concept);
            }
        }
    }

    public bool IsStopWord(string lowerWord, string language) => IsStopWord(lowerWord.AsSpan(), language);

    public bool IsStopWord(ReadOnlySpan<char> lowerWord, string language) =>
        (language == "de" ? _stopDe : _stopEn).Contains(lowerWord);

    /// <summary>A word that negates a statement ("nicht", "kein", "not", "never", and English words ending in n't).</summary>
    public bool IsNegation(ReadOnlySpan<char> lowerWord, string language) =>
        language == "de" ? _negDe.Contains(lowerWord) : _negEn.Contains(lowerWord) || lowerWord.EndsWith("n't") || lowerWord.EndsWith("n’t");

    /// <summary>The concept of a stem in the language, or null.</summary>
    public string? Concept(string stem, string language) =>
        _concepts.TryGetValue(language == "de" ? "de" : "en", out var map) && map.TryGetValue(stem, out var c) ? c : null;

    /// <summary>The second concept of a stem, or null ("streich" → decrease, besides its own concept cancel).</summary>
    public string? SecondConcept(string stem, string language) =>
        _second.TryGetValue(language == "de" ? "de" : "en", out var map) && map.TryGetValue(stem, out var c) ? c : null;

    /// <summary>A German compound's parts that the lexicon knows ("staatsfernseh" → state, television):
    /// the longest known head, then a known modifier (with or without a linking s, es, n or en).</summary>
    public bool TrySplitCompound(string stem, out string? modifier, out string head)
    {
        modifier = null;
        head = "";
        if (stem.Length < 7) return false;
        var parts = _germanParts.GetAlternateLookup<ReadOnlySpan<char>>();
        var concepts = _germanConcepts.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = stem.AsSpan();
        for (int i = 3; i <= span.Length - 4; i++)
        {
            var right = span[i..];
            if (!parts.Contains(right)) continue;
            var left = span[..i];
            concepts.TryGetValue(right, out head!);
            for (int cut = 0; cut <= 2 && left.Length - cut >= 3; cut++)
            {
                if (cut > 0 && !(left[^cut..] is "s" or "es" or "n" or "en" or "e")) continue;
                var l = left[..^cut];
                if (concepts.TryGetValue(l, out var m)) { modifier = m; return true; }
            }
            if (concepts.TryGetValue(LightStemmer.German(left), out var stemmed)) modifier = stemmed;
            return true; // a known head, with or without a known modifier
        }
        return false;
    }

    internal static IReadOnlyList<string[]> Rows(string name)
    {
        using var stream = typeof(MatchingData).Assembly.GetManifestResourceStream($"provenance/{name}.tsv")
                           ?? throw new InvalidOperationException($"missing embedded data file provenance/{name}.tsv");
        return LexiconFile.Read(new StreamReader(stream, Encoding.UTF8));
    }
}
