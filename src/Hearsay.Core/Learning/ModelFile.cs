using System.Text;

namespace Hearsay.Learning;

/// <summary>
/// The binary file of a <see cref="SequenceModel"/>. Little-endian throughout:
/// <code>
/// magic        8 bytes   "HSSEQ\0\0\1"
/// header       string    what trained the model, on which data, and the command that rebuilds it
/// labels       int32 n, then n strings
/// bits         int32     the weight table has 2^bits rows
/// transitions  (n + 1) × n float32, the last row from the start
/// rows         int32 r, then r times: varint gap to the previous non-zero row (the first from -1),
///              n float16 weights
/// checksum     uint32    FNV-1a of every byte before it
/// </code>
/// A string is an int32 byte count and UTF-8 bytes. Rows whose weights are all zero are left out, so the
/// file holds only what training touched; weights are stored as half-precision floats (11 significant
/// bits, plenty for a perceptron's weights). Loading reads the stored rows into the model's compact
/// table (see <see cref="SequenceModel"/>) without building the full one.
/// </summary>
public static class ModelFile
{
    private static readonly byte[] Magic = "HSSEQ\0\0\u0001"u8.ToArray();

    public static void Write(SequenceModel model, Stream stream)
    {
        var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            WriteString(w, model.Header);
            w.Write(model.LabelCount);
            foreach (var label in model.Labels) WriteString(w, label);
            w.Write(model.Bits);
            foreach (float t in model.Transitions) w.Write(t);
            int rows = 1 << model.Bits;
            var keep = new List<int>();
            for (int r = 0; r < rows; r++)
            {
                foreach (float x in model.Row(r))
                    if ((Half)x != Half.Zero) { keep.Add(r); break; }
            }
            w.Write(keep.Count);
            int last = -1;
            foreach (int r in keep)
            {
                WriteVarint(w, (uint)(r - last));
                last = r;
                foreach (float x in model.Row(r)) w.Write((Half)x);
            }
        }
        var bytes = body.ToArray();
        stream.Write(bytes);
        Span<byte> sum = stackalloc byte[4];
        BitConverter.TryWriteBytes(sum, Checksum(bytes));
        stream.Write(sum);
    }

    public static void Write(SequenceModel model, string path)
    {
        using var file = File.Create(path);
        Write(model, file);
    }

    public static SequenceModel Read(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file);
    }

    /// <exception cref="InvalidDataException">Not a model file, or damaged.</exception>
    public static SequenceModel Read(Stream stream)
    {
        byte[] bytes;
        if (stream is MemoryStream ms && ms.TryGetBuffer(out var seg) && ms.Position == 0) bytes = seg.ToArray();
        else
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("not a Hearsay sequence model file");
        uint stored = BitConverter.ToUInt32(bytes, bytes.Length - 4);
        if (stored != Checksum(bytes.AsSpan(0, bytes.Length - 4))) throw new InvalidDataException("model file checksum mismatch");
        using var r = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - 4 - Magic.Length), Encoding.UTF8);
        var header = ReadString(r);
        int l = r.ReadInt32();
        if (l is < 1 or > 64) throw new InvalidDataException($"bad label count {l}");
        var labels = new string[l];
        for (int k = 0; k < l; k++) labels[k] = ReadString(r);
        int bits = r.ReadInt32();
        if (bits is < 1 or > 26) throw new InvalidDataException($"bad table size 2^{bits}");
        var transitions = new float[(l + 1) * l];
        for (int k = 0; k < transitions.Length; k++) transitions[k] = r.ReadSingle();
        int count = r.ReadInt32();
        if (count < 0 || count > 1 << bits) throw new InvalidDataException($"bad row count {count}");
        var rows = new int[count];
        var weights = new float[count * l];
        int row = -1;
        for (int n = 0; n < count; n++)
        {
            row += (int)ReadVarint(r);
            if ((uint)row >= (uint)(1 << bits)) throw new InvalidDataException("row out of range");
            rows[n] = row;
            for (int k = 0; k < l; k++) weights[n * l + k] = (float)r.ReadHalf();
        }
        return SequenceModel.FromRows(header, labels, bits, transitions, rows, weights);
    }

    /// <summary>FNV-1a of the bytes: the file's checksum, and a fingerprint of a model for determinism checks.</summary>
    public static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        uint h = 2166136261;
        foreach (byte b in bytes) h = (h ^ b) * 16777619;
        return h;
    }

    /// <summary>The fingerprint of a model: the checksum of its file bytes.</summary>
    public static uint Fingerprint(SequenceModel model)
    {
        using var ms = new MemoryStream();
        Write(model, ms);
        return BitConverter.ToUInt32(ms.GetBuffer(), (int)ms.Length - 4);
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        w.Write(b.Length);
        w.Write(b);
    }

    private static string ReadString(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 1 << 20) throw new InvalidDataException("bad string length");
        return Encoding.UTF8.GetString(r.ReadBytes(n));
    }

    private static void WriteVarint(BinaryWriter w, uint v)
    {
        while (v >= 0x80) { w.Write((byte)(v | 0x80)); v >>= 7; }
        w.Write((byte)v);
    }

    private static uint ReadVarint(BinaryReader r)
    {
        uint v = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = r.ReadByte();
            v |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
        throw new InvalidDataException("bad varint");
    }
}
