namespace Hearsay.Input;

/// <summary>
/// Tells binary input from text before decoding: known file signatures (PDF, ZIP and the office formats
/// built on it, PNG, JPEG, GIF, gzip, …), NUL bytes, or a high share of control characters.
/// Only samples of the input are read (start, middle, end), so a 50 MB file costs microseconds.
/// </summary>
public static class BinarySniffer
{
    private const int SampleSize = 64 * 1024;

    private static readonly (byte[] Magic, string Name)[] Signatures =
    {
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a DOCX, ODT, EPUB or XLSX file, which are ZIP archives)"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF87a"u8.ToArray(), "a GIF image"),
        ("GIF89a"u8.ToArray(), "a GIF image"),
        ([0x1F, 0x8B], "a gzip-compressed file"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz-compressed file"),
        ([0x28, 0xB5, 0x2F, 0xFD], "a zstd-compressed file"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Microsoft Office document (DOC, XLS, PPT)"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ("SQLite format 3\0"u8.ToArray(), "an SQLite database"),
        ("RIFF"u8.ToArray(), "a RIFF media file (WAV, AVI, WebP)"),
        ("OggS"u8.ToArray(), "an Ogg media file"),
        ("wOFF"u8.ToArray(), "a web font"),
        ("wOF2"u8.ToArray(), "a web font"),
        ([0x00, 0x61, 0x73, 0x6D], "a WebAssembly module"),
    };

    /// <summary>Names what kind of binary the bytes are ("a PDF document", "binary data"), or null for text.
    /// Bytes that are UTF-16 or UTF-32 text (with a byte-order mark) are text.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        var signed = DescribeSignature(bytes);
        if (signed is not null) return signed;

        if (SampleLooksBinary(bytes[..Math.Min(bytes.Length, SampleSize)])) return "binary data";
        if (bytes.Length > 2 * SampleSize)
        {
            int mid = bytes.Length / 2 - SampleSize / 4;
            if (SampleLooksBinary(bytes.Slice(mid, SampleSize / 2)) || SampleLooksBinary(bytes[^(SampleSize / 2)..])) return "binary data";
        }
        return null;
    }

    /// <summary>Names the file format whose signature opens the bytes, or null.</summary>
    public static string? DescribeSignature(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, name) in Signatures)
            if (bytes.StartsWith(magic)) return name;
        if (bytes.Length > 3 && bytes.StartsWith("BZh"u8) && bytes[3] is >= (byte)'1' and <= (byte)'9') return "a bzip2-compressed file";
        if (bytes.Length > 3 && bytes.StartsWith("ID3"u8) && bytes[3] is >= 2 and <= 4) return "an MP3 audio file";
        // A leading "MZ" is an executable only when binary bytes follow; "MZ-Beilage" is text.
        if (bytes.StartsWith("MZ"u8) && bytes.Length > 64 && bytes[..64].Contains((byte)0)) return "a Windows executable";
        return null;
    }

    /// <summary>NUL bytes, or more than 2% control characters other than tab, line feed, carriage return,
    /// form feed, vertical tab and escape.</summary>
    private static bool SampleLooksBinary(ReadOnlySpan<byte> sample)
    {
        if (sample.IsEmpty) return false;
        if (sample.IndexOf((byte)0) >= 0) return true;
        int controls = 0;
        int i = 0;
        while (true)
        {
            int k = sample[i..].IndexOfAnyInRange((byte)0x01, (byte)0x1F);
            if (k < 0) break;
            i += k;
            byte b = sample[i];
            if (b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x0B or 0x1B)) controls++;
            if (++i >= sample.Length) break;
        }
        return controls > 0 && controls * 50 > sample.Length;
    }
}
