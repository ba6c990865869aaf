using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Hearsay.Store;

/// <summary>
/// How the hearsay.article/1 JSON is kept in the store's <c>articles.analysis</c> column: one format byte, then
/// the payload. 'B': Brotli-compressed UTF-8 JSON (the default; the JSON repeats every span's text, so it
/// compresses about tenfold). 'J': plain UTF-8 JSON. Outside Hearsay, strip the first byte and pipe the rest
/// through <c>brotli -d</c>.
/// </summary>
public static class AnalysisCodec
{
    public const byte Brotli = (byte)'B';
    public const byte Plain = (byte)'J';

    /// <summary>Brotli quality: 4 is about as fast as fast deflate and compresses clearly better.</summary>
    public const int Quality = 4;
    private const int Window = 22;

    public static byte[] Encode(ReadOnlySpan<byte> json)
    {
        int bound = BrotliEncoder.GetMaxCompressedLength(json.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(bound + 1);
        try
        {
            rented[0] = Brotli;
            if (!BrotliEncoder.TryCompress(json, rented.AsSpan(1), out int written, Quality, Window))
                throw new InvalidOperationException("Brotli compression failed.");
            return rented.AsSpan(0, written + 1).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

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
