using Hearsay.Provenance.Matching;

namespace Hearsay.Provenance.Sources;

/// <summary>Tidies a source or medium phrase that names no entity, so the same phrase from two articles is one
/// node: leading function words go ("im russischen Staatsfernsehen" → "russischen Staatsfernsehen",
/// "on Russian state TV" → "Russian state TV").</summary>
internal static class Phrases
{
    public static string Clean(string phrase, string language)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int start = 0;
        while (start < words.Length - 1 && MatchingData.Default.IsStopWord(words[start].ToLowerInvariant(), language)) start++;
        return start == 0 ? phrase.Trim() : string.Join(' ', words[start..]);
    }
}
