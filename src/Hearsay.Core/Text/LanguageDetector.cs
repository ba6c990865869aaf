using Hearsay.Languages;

namespace Hearsay.Text;

/// <summary>
/// Tells the language of a text by counting the function words of each profile in its first
/// characters (common/language-profiles.tsv). Cheap, and reliable on news text of a sentence or more.
/// </summary>
public sealed class LanguageDetector
{
    private readonly string[] _codes;
    private readonly WordMap<ulong> _words; // word -> bit set of profile indices

    public LanguageDetector(IReadOnlyList<string[]> profiles)
    {
        _codes = profiles.Select(p => p[0]).ToArray();
        var map = new Dictionary<string, ulong>(StringComparer.Ordinal);
        for (int i = 0; i < profiles.Count && i < 64; i++)
            foreach (var w in profiles[i][1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                map[w] = map.GetValueOrDefault(w) | (1UL << i);
        _words = new WordMap<ulong>(map);
    }

    public static LanguageDetector Default { get; } = new(LanguagePack.CommonRows("language-profiles"));

    /// <summary>Returns the language code and a confidence in [0, 1]; "und" when the text is too short or unclear.</summary>
    public (string Code, double Confidence) Detect(ReadOnlySpan<char> text, int maxChars = 4000)
    {
        if (text.Length > maxChars) text = text[..maxChars];
        Span<int> scores = stackalloc int[_codes.Length];
        int words = 0;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i == s) break;
            words++;
            if (_words.TryGet(text[s..i], out var bits))
                for (int k = 0; k < _codes.Length; k++)
                    if ((bits & (1UL << k)) != 0) scores[k]++;
        }
        int best = -1, second = 0;
        for (int k = 0; k < _codes.Length; k++)
        {
            if (best < 0 || scores[k] > scores[best]) { if (best >= 0) second = Math.Max(second, scores[best]); best = k; }
            else second = Math.Max(second, scores[k]);
        }
        if (best < 0 || scores[best] < 2 || words < 3) return ("und", 0);
        double confidence = (scores[best] - second) / (double)Math.Max(1, scores[best]);
        if (scores[best] < 3 && confidence < 0.5) return ("und", confidence);
        return (_codes[best], Math.Round(Math.Clamp(confidence, 0, 1), 2));
    }
}
