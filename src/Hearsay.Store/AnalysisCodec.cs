using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Hearsay.Store;

/// <summary>
/// How the hearsay.article/1 JSON is kept in the store's <c>articles.analysis</c> column: one format byte, then
/// the payload. 'Z': zlib-compressed UTF-8 JSON (RFC 1950, the default: the JSON repeats every span's text, so it
/// compresses about threefold, and zlib's fastest level costs a few percent of the analysis time, where Brotli
/// costs ten times more for a quarter less). 'B': Brotli. 'J': plain UTF-8 JSON. Outside Hearsay, strip the
/// first byte and inflate the rest (Python: <c>zlib.decompress(blob[1:])</c>).
/// </summary>
public static class AnalysisCodec
{
    public const byte Zlib = (byte)'Z';
    public const byte Brotli = (byte)'B';
    public const byte Plain = (byte)'J';

    [ThreadStatic] private static MemoryStream? _scratch;

    public static byte[] Encode(ReadOnlySpan<byte> json)
    {
        // One growing buffer per thread: only the result is allocated.
        var output = _scratch ??= new MemoryStream(64 * 1024);
        output.SetLength(0);
        output.WriteByte(Zlib);
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true)) z.Write(json);
        var result = output.ToArray();
        if (output.Capacity > 4 * 1024 * 1024) _scratch = null;   // do not keep the buffer of an exceptional article
        return result;
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
