using System.IO.Compression;
using System.Text;
using Hearsay.Store;

namespace Hearsay.Tests.Store;

public class AnalysisCodecTests
{
    private const string Json = "{\"schema\":\"hearsay.article/1\",\"text\":\"Die Ministerin sagte, „Grüße“ – 😀 – seien willkommen.\"}";

    [Fact]
    public void New_analyses_are_stored_as_Brotli_and_read_back_exactly()
    {
        var stored = AnalysisCodec.Encode(Encoding.UTF8.GetBytes(Json));
        Assert.Equal(AnalysisCodec.Brotli, stored[0]);
        Assert.Equal(Json, AnalysisCodec.Decode(stored));
    }

    [Fact]
    public void A_large_repetitive_analysis_shrinks_and_round_trips()
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) sb.Append("{\"text\":\"sagte die Sprecherin\",\"start\":").Append(i * 7).Append("},");
        sb.Append("{}]");
        var json = sb.ToString();
        var stored = AnalysisCodec.Encode(Encoding.UTF8.GetBytes(json));
        Assert.True(stored.Length < json.Length / 4, $"{stored.Length} bytes for {json.Length}");
        Assert.Equal(json, AnalysisCodec.Decode(stored));
    }

    [Fact]
    public void Zlib_and_plain_analyses_of_earlier_stores_are_still_read()
    {
        var bytes = Encoding.UTF8.GetBytes(Json);
        var zlib = new MemoryStream();
        zlib.WriteByte(AnalysisCodec.Zlib);
        using (var z = new ZLibStream(zlib, CompressionLevel.Fastest, leaveOpen: true)) z.Write(bytes);
        Assert.Equal(Json, AnalysisCodec.Decode(zlib.ToArray()));
        Assert.Equal(Json, AnalysisCodec.Decode([AnalysisCodec.Plain, .. bytes]));
    }

    [Fact]
    public void A_cut_or_unknown_analysis_is_reported_as_damaged()
    {
        var stored = AnalysisCodec.Encode(Encoding.UTF8.GetBytes(Json));
        Assert.Throws<StoreException>(() => AnalysisCodec.Decode(stored.AsSpan(0, stored.Length / 2)));
        Assert.Throws<StoreException>(() => AnalysisCodec.Decode([(byte)'Q', 1, 2, 3]));
        Assert.Throws<StoreException>(() => AnalysisCodec.Decode([]));
    }
}
