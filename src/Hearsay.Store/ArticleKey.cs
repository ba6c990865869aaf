using System.Security.Cryptography;
using System.Text;

namespace Hearsay.Store;

/// <summary>
/// The identity of a stored article: SHA-256 over the URL (when the input gives one) and the exact bytes
/// that were analysed. The same input ingested twice has the same key, so it is stored once; the same text
/// under two URLs is two publications. <see cref="Id"/>, the first 12 hex digits, is what commands show.
/// </summary>
public readonly struct ArticleKey : IEquatable<ArticleKey>
{
    public const int Size = 32;
    /// <summary>Hex digits of the short id shown to people.</summary>
    public const int IdLength = 12;

    private readonly byte[] _bytes;

    public ArticleKey(byte[] bytes)
    {
        if (bytes is null || bytes.Length != Size) throw new ArgumentException($"An article key is {Size} bytes.", nameof(bytes));
        _bytes = bytes;
    }

    public ReadOnlySpan<byte> Bytes => _bytes;
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>All 64 hex digits, lower case.</summary>
    public string Hex => Convert.ToHexStringLower(_bytes);

    /// <summary>The short id: the first <see cref="IdLength"/> hex digits.</summary>
    public string Id => Convert.ToHexStringLower(_bytes, 0, IdLength / 2);

    /// <summary>The key of content given as bytes (a file, a WARC payload).</summary>
    public static ArticleKey Of(string? url, ReadOnlySpan<byte> content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendUrl(hash, url);
        hash.AppendData(content);
        return new ArticleKey(hash.GetHashAndReset());
    }

    /// <summary>The key of content given as text (a JSON Lines or CSV field): its UTF-8 bytes.</summary>
    public static ArticleKey Of(string? url, string text)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendUrl(hash, url);
        Span<byte> chunk = stackalloc byte[4096];
        var rest = text.AsSpan();
        // Encode in slices that never split a surrogate pair, so the bytes equal Encoding.UTF8.GetBytes(text).
        while (!rest.IsEmpty)
        {
            int take = Math.Min(rest.Length, chunk.Length / 3);
            if (take < rest.Length && char.IsHighSurrogate(rest[take - 1])) take--;
            int n = Encoding.UTF8.GetBytes(rest[..take], chunk);
            hash.AppendData(chunk[..n]);
            rest = rest[take..];
        }
        return new ArticleKey(hash.GetHashAndReset());
    }

    private static void AppendUrl(IncrementalHash hash, string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return;
        hash.AppendData("url:"u8);
        hash.AppendData(Encoding.UTF8.GetBytes(url.Trim()));
        hash.AppendData([0]);
    }

    public bool Equals(ArticleKey other) => _bytes.AsSpan().SequenceEqual(other._bytes);
    public override bool Equals(object? obj) => obj is ArticleKey k && Equals(k);
    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);
    public override string ToString() => Id;
    public static bool operator ==(ArticleKey a, ArticleKey b) => a.Equals(b);
    public static bool operator !=(ArticleKey a, ArticleKey b) => !a.Equals(b);
}
