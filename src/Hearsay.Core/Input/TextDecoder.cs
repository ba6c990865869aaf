using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Hearsay.Document;

namespace Hearsay.Input;

/// <summary>Decoded input text, the encoding used (WHATWG name) and what was noticed on the way.</summary>
public sealed record DecodedText(string Text, string Encoding, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Decodes input bytes to text. In order:
/// <list type="number">
/// <item>an encoding the caller names (<see cref="ArticleMetadata.Encoding"/> on input) is used as given
/// (UTF-8 named so still gets malformed sequences replaced and reported);</item>
/// <item>a byte-order mark selects UTF-8, UTF-16 or UTF-32 (the mark is not part of the text);</item>
/// <item>UTF-16 without a mark is recognized by its pattern of zero bytes (unless the bytes open with a
/// binary file signature);</item>
/// <item>binary input is refused (<see cref="BinarySniffer"/>);</item>
/// <item>valid UTF-8 (which includes ASCII) is UTF-8;</item>
/// <item>an HTML page's declared charset (&lt;meta charset&gt;) is used when the bytes are not UTF-8;</item>
/// <item>mostly valid UTF-8 with a few malformed sequences is decoded as UTF-8 with U+FFFD in their place,
/// with an "input.encoding" warning;</item>
/// <item>anything else is decoded as Windows-1252 (the superset of Latin-1 that browsers use for it),
/// with an "input.encoding" warning.</item>
/// </list>
/// The decoded text is kept as it is (line endings included): every offset Hearsay reports is into it.
/// </summary>
public static partial class TextDecoder
{
    /// <summary>Code of the diagnostics about encoding.</summary>
    public const string DiagnosticCode = "input.encoding";

    private static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <exception cref="InputException">Kind <see cref="InputErrorKind.Binary"/> when the bytes are not text.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? encodingHint = null, string source = "input")
    {
        var diagnostics = new List<Diagnostic>();

        bool forceUtf8 = false;
        if (!string.IsNullOrWhiteSpace(encodingHint))
        {
            var named = Lookup(encodingHint);
            if (named is UTF8Encoding) forceUtf8 = true;
            else if (named is not null)
            {
                var preamble = named.Preamble;
                var body = bytes.StartsWith(preamble) ? bytes[preamble.Length..] : bytes;
                if (named is not UnicodeEncoding and not UTF32Encoding) RefuseBinary(body, source);
                return new DecodedText(named.GetString(body), named.WebName, diagnostics);
            }
            else diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCode, $"Unknown encoding name '{encodingHint}'; the encoding was detected instead."));
        }

        // Byte-order marks. UTF-32 LE first: its mark begins with the UTF-16 LE one.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return new DecodedText(new UTF32Encoding(false, false).GetString(bytes[4..]), "utf-32le", diagnostics);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return new DecodedText(new UTF32Encoding(true, false).GetString(bytes[4..]), "utf-32be", diagnostics);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", diagnostics);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", diagnostics);
        bool utf8Bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (utf8Bom) bytes = bytes[3..];
        // A UTF-8 mark, or the caller's word, settles the encoding: malformed bytes are then replaced.
        bool utf8Sure = utf8Bom || forceUtf8;

        if (!utf8Sure && BinarySniffer.DescribeSignature(bytes) is null)
        {
            var (utf16, name) = SniffUtf16(bytes);
            if (utf16 is not null)
            {
                diagnostics.Add(new Diagnostic(Severity.Info, DiagnosticCode, $"The input has no byte-order mark but reads as {name}."));
                return new DecodedText(utf16.GetString(bytes), name, diagnostics);
            }
        }

        RefuseBinary(bytes, source);

        if (Utf8.IsValid(bytes)) return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", diagnostics);

        if (!utf8Sure)
        {
            var declared = DeclaredCharset(bytes);
            if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
            {
                diagnostics.Add(new Diagnostic(Severity.Info, DiagnosticCode, $"Decoded with the page's declared charset {declared.WebName}."));
                return new DecodedText(declared.GetString(bytes), declared.WebName, diagnostics);
            }
        }

        var (valid, invalid, firstBad) = CountUtf8(bytes);
        if (utf8Sure || valid >= 3 * invalid)
        {
            var text = Encoding.UTF8.GetString(bytes);
            int at = text.IndexOf('\uFFFD');
            diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCode,
                $"The input is not valid UTF-8: {invalid} malformed byte sequence{(invalid == 1 ? " was" : "s were")} replaced by U+FFFD (first at byte {firstBad + (utf8Bom ? 3 : 0)}).",
                at >= 0 ? new TextSpan(at, 1) : null));
            return new DecodedText(text, "utf-8", diagnostics);
        }
        diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCode,
            $"The input is not UTF-8 ({invalid} byte sequence{(invalid == 1 ? " is" : "s are")} invalid); it was decoded as Windows-1252 (Latin-1). Pass the encoding explicitly if special characters look wrong."));
        return new DecodedText(Windows1252.GetString(bytes), "windows-1252", diagnostics);
    }

    private static void RefuseBinary(ReadOnlySpan<byte> bytes, string source)
    {
        var what = BinarySniffer.Describe(bytes);
        if (what is not null)
            throw new InputException(InputErrorKind.Binary, source,
                $"{source}: this looks like {what}, not text. Hearsay reads news articles as plain text or HTML; extract the text first.");
    }

    /// <summary>An encoding by name; ISO-8859-1 and ASCII labels mean Windows-1252, as in browsers.</summary>
    public static Encoding? Lookup(string name)
    {
        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (n is "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "windows-1252") return Windows1252;
        if (n is "utf8" or "utf-8") return new UTF8Encoding(false);
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(n) ?? Encoding.GetEncoding(n);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>UTF-16 without a byte-order mark: in the first 4 KB (at least 32 bytes), zero bytes in 60% of
    /// the odd (LE) or even (BE) positions and almost none in the others.</summary>
    private static (Encoding? Encoding, string Name) SniffUtf16(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 32) return (null, "");
        int zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) zeroEven++;
            if (bytes[i + 1] == 0) zeroOdd++;
        }
        int pairs = n / 2;
        if (zeroOdd * 10 >= pairs * 6 && zeroEven * 20 < pairs) return (Encoding.Unicode, "utf-16le");
        if (zeroEven * 10 >= pairs * 6 && zeroOdd * 20 < pairs) return (Encoding.BigEndianUnicode, "utf-16be");
        return (null, "");
    }

    /// <summary>Counts well-formed multi-byte UTF-8 sequences and malformed ones.</summary>
    private static (int Valid, int Invalid, int FirstBad) CountUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, first = -1, i = 0;
        while (i < bytes.Length)
        {
            int k = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (k < 0) break;
            i += k;
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status == OperationStatus.Done) valid++;
            else
            {
                invalid++;
                if (first < 0) first = i;
            }
            i += Math.Max(1, consumed);
        }
        return (valid, invalid, first);
    }

    [GeneratedRegex("""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    /// <summary>The charset an HTML page declares in its first 2 KB, when Hearsay knows it.</summary>
    private static Encoding? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var m = CharsetPattern().Match(head);
        return m.Success ? Lookup(m.Groups[1].Value) : null;
    }
}
