using CsCheck;
using Hearsay.Languages;

namespace Hearsay.Tests.Languages;

/// <summary>The word maps refuse most probes early (lengths, a table over the end characters) and
/// <see cref="SuffixMap{T}"/> lowers a word once for all its tails: every answer must still be the one a plain
/// dictionary of lower-cased strings gives, for any case, umlauts, sharp s, odd characters and surrogates.</summary>
public class WordMapPropertyTests
{
    private static readonly string[] Keys =
    {
        "sagte", "Sprecher", "experte", "über", "Äußerung", "straße", "der", "die", "das", "of", "a", "x", "İstanbul",
        "ǅemal", "𐐀bc", "ab𐐀", "militär", "regierungssprecher", "sprecherin", "σοφία", "ΣΟΦΟΣ", "co2", "ç", "k",
    };

    /// <summary>Pieces to build probes from: key parts, case changes, characters whose lowering is special.</summary>
    private static readonly string[] Pieces =
    {
        "sa", "gte", "SAGTE", "Sprech", "er", "ER", "Experte", "-", "Über", "ÜBER", "äu", "ß", "SS", "DER", "Die", "a", "A",
        "İ", "I", "ı", "ǅ", "Ǆ", "ǆ", "𐐀", "𐐨", "\uD801", "\uDC00", "Σ", "σ", "ς", "OF", "x", "Militär", "Regierungs",
        "sprecherin", "CO2", "Ç", "K", "\u212A", "emal", "bc", "ab", "ia", "ΣΟΦ", "ΟΣ", "1", " ",
    };

    private static readonly Gen<string> Probes = Gen.Int[0, Pieces.Length - 1].Array[0, 5].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    private static readonly Dictionary<string, int> Reference = Keys.Select((k, i) => (k.ToLowerInvariant(), i))
        .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);

    private static bool ReferenceTryGet(string word, out int value)
    {
        value = 0;
        return word.Length is > 0 and <= 128 && Reference.TryGetValue(word.ToLowerInvariant(), out value);
    }

    [Fact]
    public void WordMap_and_WordSet_answer_as_a_dictionary_of_lowered_strings()
    {
        var map = new WordMap<int>(Keys.Select((k, i) => KeyValuePair.Create(k, i)));
        var set = new WordSet(Keys);
        Probes.Sample(probe =>
        {
            bool expected = ReferenceTryGet(probe, out int value);
            Assert.Equal(expected, map.TryGet(probe, out int got));
            if (expected) Assert.Equal(value, got);
            Assert.Equal(expected, set.Contains(probe));
            var lower = probe.ToLowerInvariant();
            Assert.Equal(lower.Length > 0 && lower.Length <= 128 && Reference.ContainsKey(lower), map.TryGetLower(lower, out _));
            Assert.Equal(Reference.ContainsKey(probe), set.ContainsLower(probe));   // exact: no lowering
        }, iter: 5000);
    }

    [Fact]
    public void Every_key_is_found_in_any_case()
    {
        var map = new WordMap<int>(Keys.Select((k, i) => KeyValuePair.Create(k, i)));
        foreach (var k in Keys)
        {
            Assert.True(map.TryGet(k, out _), k);
            Assert.True(map.TryGet(k.ToUpperInvariant(), out _) == ReferenceTryGet(k.ToUpperInvariant(), out _), k);
        }
    }

    [Fact]
    public void SuffixMap_finds_the_head_a_tail_by_tail_lookup_finds()
    {
        var entries = Keys.Select((k, i) => KeyValuePair.Create(k, i)).ToArray();
        var suffixes = new SuffixMap<int>(entries);
        Probes.Sample(probe =>
        {
            bool expected = ReferenceHead(probe, out int value, out int head);
            Assert.Equal(expected, suffixes.TryGet(probe, out int got, out int gotHead));
            if (expected) Assert.Equal((value, head), (got, gotHead));
        }, iter: 5000);
    }

    /// <summary>The compound-head lookup as specified: the whole word, the part after the last hyphen, then ever
    /// shorter tails (each lowered on its own) of at least <see cref="SuffixMap{T}.MinTail"/> characters after a
    /// modifier of at least three.</summary>
    private static bool ReferenceHead(string word, out int value, out int head)
    {
        head = 0;
        if (ReferenceTryGet(word, out value)) return true;
        int hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1)
        {
            if (ReferenceTryGet(word[(hyphen + 1)..], out value)) { head = hyphen + 1; return true; }
            head = hyphen + 1;
        }
        int from = head;
        var rest = word[from..];
        for (int k = 3; k <= rest.Length - SuffixMap<int>.MinTail; k++)
            if (ReferenceTryGet(rest[k..], out value)) { head = from + k; return true; }
        value = 0;
        return false;
    }
}
