namespace Hearsay.Learning;

/// <summary>
/// Hashes feature names to bucket indices without building strings: a feature is a template id followed
/// by the characters of its values (FNV-1a over UTF-16 code units, lower-cased on the fly), finished with
/// a 32-bit avalanche mix. The same code runs at training and at analysis time, so the two agree by
/// construction. Collisions are accepted; the model's bucket count keeps them rare.
/// </summary>
public static class FeatureHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;
    private const char Separator = '\u001f';

    public static uint Start(uint template) => (OffsetBasis ^ template) * Prime;

    public static uint Add(uint h, char c) => (h ^ c) * Prime;

    public static uint Add(uint h, uint value)
    {
        h = (h ^ (value & 0xFF)) * Prime;
        h = (h ^ ((value >> 8) & 0xFF)) * Prime;
        h = (h ^ ((value >> 16) & 0xFF)) * Prime;
        return (h ^ (value >> 24)) * Prime;
    }

    /// <summary>Adds a separator and the lower-cased characters of <paramref name="s"/>.</summary>
    public static uint AddLower(uint h, ReadOnlySpan<char> s)
    {
        h = Add(h, Separator);
        foreach (var c in s) h = Add(h, char.ToLowerInvariant(c));
        return h;
    }

    /// <summary>Avalanche so that the low bits (the bucket) depend on every input character.</summary>
    public static uint Finish(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
