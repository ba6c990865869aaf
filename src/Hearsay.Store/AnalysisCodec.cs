using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Hearsay.Store;

/// <summary>
/// How the hearsay.article/1 JSON is kept in the store's <c>articles.analysis</c> column: one format byte, then
/// the payload. 'B': Brotli at quality 0 (the default since 2026-12-07: the JSON repeats every span's text, so it
/// compresses almost fourfold; quality 0 costs about as much per byte as zlib's fastest level, with 16 % smaller
/// output and without zlib's fixed cost of about 20 µs an article for setting up its state). 'Z': zlib-compressed
/// UTF-8 JSON (RFC 1950, written by earlier versions, still read). 'J': plain UTF-8 JSON. Outside Hearsay, strip
/// the first byte and decompress the rest (Python: <c>brotli.decompress(blob[1:])</c>, or
/// <c>zlib.decompress(blob[1:])</c> for 'Z').
/// </summary>
public static class AnalysisCodec
{
    public const byte Zlib = (byte)'Z';
    public const byte Brotli = (byte)'B';
    public const byte Plain = (byte)'J';

    /// <summary>Brotli's fastest quality.</summary>
    private const int BrotliQuality = 0;

    [ThreadStatic] private static byte[]? _scratch;

    public static byte[] Encode(ReadOnlySpan<byte> json)
    {
        // One reusable buffer per thread, one call into Brotli (no stream, no encoder state kept between calls):
        // only the result is allocated.
        int most = 1 + BrotliEncoder.GetMaxCompressedLength(json.Length);
        var scratch = _scratch;
        if (scratch is null || scratch.Length < most) scratch = new byte[Math.Max(most, 64 * 1024)];
        scratch[0] = Brotli;
        byte[] result;
        if (BrotliEncoder.TryCompress(json, scratch.AsSpan(1), out int written, BrotliQuality, WindowBits(json.Length)))
            result = scratch.AsSpan(0, 1 + written).ToArray();
        else
        {
            // Not expected (the buffer has Brotli's bound); kept as plain JSON rather than lost.
            result = new byte[1 + json.Length];
            result[0] = Plain;
            json.CopyTo(result.AsSpan(1));
        }
        // Do not keep the buffer of an exceptional article.
        _scratch = scratch.Length > 4 * 1024 * 1024 ? null : scratch;
        return result;
    }

    /// <summary>Brotli's window: the JSON's size rounded up to a power of two, from 64 KB (a typical article's JSON
    /// fits; larger windows only cost set-up time) to 4 MB.</summary>
    private static int WindowBits(int length) => Math.Clamp(64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, length - 1)), 16, 22);

    /// <summary>The JSON text.</summary>
    /// <exception cref="StoreException">The bytes are not in a known format or are damaged.</exception>
    public static string Decode(ReadOnlySpan<byte> stored)
    {
        if (stored.IsEmpty) throw new StoreException("A stored analysis is empty.");
        var payload = stored[1..];
        switch (stored[0])
        {
            case Plain:
                return Encoding.UTF8.GetString(payload);
            case Zlib:
            {
                try
                {
                    using var input = new MemoryStream(payload.ToArray());
                    using var z = new ZLibStream(input, CompressionMode.Decompress);
                    using var reader = new StreamReader(z, Encoding.UTF8);
                    return reader.ReadToEnd();
                }
                catch (InvalidDataException ex)
                {
                    throw new StoreException("A stored analysis is damaged (zlib data invalid).", ex);
                }
            }
            case Brotli:
            {
                using var decoder = new BrotliDecoder();
                var output = new ArrayBufferWriter<byte>(Math.Max(4096, payload.Length * 8));
                while (true)
                {
                    var status = decoder.Decompress(payload, output.GetSpan(Math.Max(4096, payload.Length * 4)), out int consumed, out int written);
                    output.Advance(written);
                    payload = payload[consumed..];
                    if (status == OperationStatus.Done) return Encoding.UTF8.GetString(output.WrittenSpan);
                    if (status == OperationStatus.InvalidData || (status == OperationStatus.NeedMoreData && payload.IsEmpty))
                        throw new StoreException("A stored analysis is damaged (Brotli data invalid or cut short).");
                }
            }
            default:
                throw new StoreException($"A stored analysis has an unknown format byte 0x{stored[0]:x2}.");
        }
    }
}
