namespace Hearsay.Provenance.Matching;

/// <summary>
/// Light stemming for matching, German and English: inflection off, derivation kept. It need not produce
/// words, only the same key for the forms news text uses of one word ("Freiwillige", "Freiwilligen",
/// "freiwilliger" → "freiwillig"; "volunteers", "volunteered" → "volunteer"). The bilingual lexicon is
/// stemmed with the same function, so both sides of a pair meet whatever the stemmer does.
/// Both stemmers lower-case; the German one also folds umlauts (ä → a, ß → ss) and drops gender endings
/// ("Soldat:innen", "Soldat*innen" → "soldat").
/// </summary>
public static class LightStemmer
{
    /// <summary>The stem of a word in the language ("de", else English rules).</summary>
    public static string Stem(ReadOnlySpan<char> word, string language) =>
        language == "de" ? German(word) : English(word);

    public static string German(ReadOnlySpan<char> word)
    {
        Span<char> buf = stackalloc char[Math.Min(word.Length * 2, 256)];
        int n = 0;
        for (int i = 0; i < word.Length && n < buf.Length - 1; i++)
        {
            char c = word[i];
            // "Soldat:innen", "Soldat*innen", "Soldat_innen", "Soldat·innen", "SoldatInnen": the marker ends the word.
            if (c is ':' or '*' or '_' or '·' or '/') break;
            if (c == 'I' && i > 0 && char.IsLower(word[i - 1]) && word[i..].StartsWith("Innen")) break;
            c = char.ToLowerInvariant(c);
            switch (c)
            {
                case 'ä': buf[n++] = 'a'; break;
                case 'ö': buf[n++] = 'o'; break;
                case 'ü': buf[n++] = 'u'; break;
                case 'ß': buf[n++] = 's'; buf[n++] = 's'; break;
                case 'é' or 'è': buf[n++] = 'e'; break;
                default: buf[n++] = c; break;
            }
        }
        var s = buf[..n];
        // Derivational endings kept; inflectional ones cut, the longest first, leaving at least four letters.
        if (s.Length > 7 && s.EndsWith("ungen")) return new string(s[..^2]);
        if (s.Length > 8 && (s.EndsWith("heiten") || s.EndsWith("keiten"))) return new string(s[..^2]);
        if (s.Length > 6 && s.EndsWith("innen")) s = s[..^5];
        else if (s.Length >= 7 && s.EndsWith("ern")) s = s[..^3];
        else if (s.Length >= 6 && (s.EndsWith("em") || s.EndsWith("en") || s.EndsWith("er") || s.EndsWith("es"))) s = s[..^2];
        else if (s.Length >= 5 && (s[^1] is 'e' or 's' or 'n')) s = s[..^1];
        // "Soldaten" and "Soldat", "Truppen" and "Truppe": a remaining final e goes too.
        if (s.Length >= 5 && s[^1] == 'e') s = s[..^1];
        // "evakuiert", "evakuierte" and "evakuieren": the participle of an -ieren verb meets its infinitive.
        if (s.Length >= 7 && s.EndsWith("iert")) s = s[..^1];
        return new string(s);
    }

    public static string English(ReadOnlySpan<char> word)
    {
        Span<char> buf = stackalloc char[Math.Min(word.Length, 128)];
        int n = 0;
        for (int i = 0; i < word.Length && n < buf.Length; i++)
        {
            char c = char.ToLowerInvariant(word[i]);
            if (c is '\'' or '’') break; // "Russia's", "don't": the part before the apostrophe
            buf[n++] = c switch { 'é' or 'è' or 'ê' => 'e', 'ä' => 'a', 'ö' => 'o', 'ü' => 'u', _ => c };
        }
        var s = buf[..n];
        if (s.Length > 4 && s.EndsWith("ies")) { s[^3] = 'y'; s = s[..^2]; }
        else if (s.Length > 4 && s.EndsWith("ied")) { s[^3] = 'y'; s = s[..^2]; }
        else if (s.Length > 4 && s.EndsWith("sses")) s = s[..^2];
        else if (s.Length > 4 && (s.EndsWith("ches") || s.EndsWith("shes") || s.EndsWith("xes") || s.EndsWith("zes"))) s = s[..^2];
        else if (s.Length > 3 && s[^1] == 's' && s[^2] is not ('s' or 'u' or 'i')) s = s[..^1];
        else if (s.Length > 5 && s.EndsWith("ing")) s = Undouble(s[..^3]);
        else if (s.Length > 4 && s.EndsWith("ed")) s = Undouble(s[..^2]);
        // "make" and "making", "base" and "based": a final e goes.
        if (s.Length > 3 && s[^1] == 'e') s = s[..^1];
        return new string(s);
    }

    /// <summary>"sending" → "send", "stopped" → "stopp" → "stop": a doubled final consonant loses one letter.</summary>
    private static Span<char> Undouble(Span<char> s)
    {
        if (s.Length >= 3 && s[^1] == s[^2] && s[^1] is not ('l' or 's' or 'z' or 'e' or 'o')) return s[..^1];
        return s;
    }
}
