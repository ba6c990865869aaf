namespace Hearsay.Learning;

/// <summary>
/// Feature hashing: a feature is a 32-bit hash of its template id and the values it conjoins; it is
/// never spelled out as a string. Strings (words, suffixes, shapes) are hashed from spans (FNV-1a over
/// UTF-16 code units), so extracting features allocates nothing. The hash functions are part of the
/// model file format: changing them invalidates every trained model.
/// </summary>
public static class TaggerFeatureHash
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>FNV-1a over the characters, started from <paramref name="seed"/>.</summary>
    public static uint Of(ReadOnlySpan<char> s, uint seed = FnvOffset)
    {
        uint h = seed;
        foreach (char c in s)
        {
            h = (h ^ (c & 0xFFu)) * FnvPrime;
            h = (h ^ ((uint)c >> 8)) * FnvPrime;
        }
        return h;
    }

    /// <summary>The seed of a template: its features never coincide with another template's by construction
    /// of the values alone.</summary>
    public static uint Template(uint template) => Avalanche(FnvOffset ^ unchecked(template * 0x27D4EB2Fu));

    /// <summary>A template's feature over one value (<paramref name="seed"/> from <see cref="Template"/>).</summary>
    public static uint Feature(uint seed, uint a) => Avalanche(seed ^ unchecked(a * 0x9E3779B1u));

    /// <summary>A template's feature over two values (order matters).</summary>
    public static uint Feature(uint seed, uint a, uint b) =>
        Avalanche(seed ^ unchecked(a * 0x9E3779B1u) ^ System.Numerics.BitOperations.RotateLeft(unchecked(b * 0x85EBCA77u), 15));

    /// <summary>The murmur3 finalizer: every input bit affects every output bit, so the top bits make a good bucket.</summary>
    public static uint Avalanche(uint h)
    {
        unchecked
        {
            h ^= h >> 16;
            h *= 0x85EBCA6B;
            h ^= h >> 13;
            h *= 0xC2B2AE35;
            h ^= h >> 16;
            return h;
        }
    }
}
