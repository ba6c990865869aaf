using System.Text;
using Hearsay.Document;
using Hearsay.Input;

namespace Hearsay.Tests.Input;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-input-").FullName;
    private static readonly Encoding Cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static InputException Refused(Action read) => Assert.Throws<InputException>(read);

    private const string German = "Grüße aus Köln\n\nDie Straße am Rheinufer ist seit Montag gesperrt – „bis auf Weiteres“, sagte die Stadt.\n";

    // --- refused input ---

    [Fact]
    public void Empty_file_is_refused()
    {
        var e = Refused(() => ArticleReader.FromFile(File("empty.txt", [])));
        Assert.Equal(InputErrorKind.Empty, e.Kind);
        Assert.EndsWith("empty.txt", e.Source);
    }

    [Theory]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x20, 0x0A })]
    [InlineData(new byte[] { 0xC2, 0xA0, 0x0A })]
    public void Whitespace_only_input_is_refused(byte[] bytes)
    {
        Assert.Equal(InputErrorKind.Empty, Refused(() => ArticleReader.FromBytes(bytes)).Kind);
    }

    [Fact]
    public void Html_page_without_text_is_refused()
    {
        var html = "<!DOCTYPE html><html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>"u8.ToArray();
        Assert.Equal(InputErrorKind.Empty, Refused(() => ArticleReader.FromBytes(html)).Kind);
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj", "PDF")]
    [InlineData("PK\u0003\u0004\u0014\u0000\u0006\u0000", "ZIP")]
    [InlineData("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "PNG")]
    [InlineData("\u001f\u008b\u0008\u0000\u0000\u0000\u0000\u0000", "gzip")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000", "GIF")]
    public void Known_binary_formats_are_refused_by_name(string latin1Bytes, string named)
    {
        var bytes = Encoding.Latin1.GetBytes(latin1Bytes);
        var e = Refused(() => ArticleReader.FromFile(File("upload.txt", bytes)));
        Assert.Equal(InputErrorKind.Binary, e.Kind);
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void Bytes_with_nul_are_binary()
    {
        var bytes = Encoding.ASCII.GetBytes("This starts like text but then\0\0\0\u0001\u0002 has NUL bytes in it.");
        Assert.Equal(InputErrorKind.Binary, Refused(() => ArticleReader.FromBytes(bytes)).Kind);
    }

    [Fact]
    public void Bytes_full_of_control_characters_are_binary()
    {
        var rng = new Random(7);
        var bytes = new byte[4000];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i % 5 == 0 ? rng.Next(1, 8) : rng.Next(0x41, 0x5A));
        Assert.Equal(InputErrorKind.Binary, Refused(() => ArticleReader.FromBytes(bytes)).Kind);
    }

    [Fact]
    public void Text_starting_with_MZ_is_not_an_executable()
    {
        var a = ArticleReader.FromBytes(Encoding.UTF8.GetBytes("MZ-Beilage erscheint am Samstag. Sie hat zwölf Seiten."));
        Assert.StartsWith("MZ-Beilage", a.Text);
    }

    [Fact]
    public void Missing_file_and_directory()
    {
        var missing = Path.Combine(_dir, "nope.txt");
        var e = Refused(() => ArticleReader.FromFile(missing));
        Assert.Equal(InputErrorKind.NotFound, e.Kind);
        Assert.Equal(missing, e.Source);
        Assert.Equal(InputErrorKind.NotFound, Refused(() => ArticleReader.FromFile(Path.Combine(_dir, "no-dir", "a.txt"))).Kind);
        Assert.Equal(InputErrorKind.Unreadable, Refused(() => ArticleReader.FromFile(_dir)).Kind);
    }

    [Fact]
    public void Input_over_the_limit_is_refused_before_reading()
    {
        var options = new ReaderOptions { MaxBytes = 100 };
        var bytes = Encoding.UTF8.GetBytes(new string('a', 101));
        Assert.Equal(InputErrorKind.TooLarge, Refused(() => ArticleReader.FromFile(File("big.txt", bytes), options: options)).Kind);
        Assert.Equal(InputErrorKind.TooLarge, Refused(() => ArticleReader.FromBytes(bytes, options: options)).Kind);
        Assert.Equal(InputErrorKind.TooLarge, Refused(() => ArticleReader.FromStream(new NonSeekable(bytes), options: options)).Kind);
        Assert.Equal(InputErrorKind.TooLarge, Refused(() => ArticleReader.FromStream(new MemoryStream(bytes), options: options)).Kind);
        // At the limit is fine.
        Assert.Equal(100, ArticleReader.FromBytes(bytes.AsSpan(0, 100), options: options).Text.Length);
    }

    // --- encodings ---

    [Fact]
    public void Valid_utf8_is_read_as_is()
    {
        var a = ArticleReader.FromBytes(Encoding.UTF8.GetBytes(German));
        Assert.Equal(German, a.Text);
        Assert.Equal("utf-8", a.Metadata.Encoding);
        Assert.Empty(a.Diagnostics);
    }

    [Fact]
    public void Utf8_named_by_the_caller_is_used_without_a_warning()
    {
        var a = ArticleReader.FromBytes(Encoding.UTF8.GetBytes(German), new ArticleMetadata { Encoding = "utf-8" });
        Assert.Equal("utf-8", a.Metadata.Encoding);
        Assert.DoesNotContain(a.Diagnostics, d => d.Code == TextDecoder.DiagnosticCode);
    }

    [Fact]
    public void Utf8_bom_is_not_part_of_the_text()
    {
        var a = ArticleReader.FromBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(German)]);
        Assert.Equal(German, a.Text);
        Assert.Equal("utf-8", a.Metadata.Encoding);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    public void Utf16_and_utf32_with_bom(string name)
    {
        Encoding enc = name switch
        {
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            _ => new UTF32Encoding(false, true),
        };
        var a = ArticleReader.FromBytes([.. enc.GetPreamble(), .. enc.GetBytes(German)]);
        Assert.Equal(German, a.Text);
        Assert.Equal(name, a.Metadata.Encoding);
    }

    [Fact]
    public void Utf16_without_bom_is_recognized()
    {
        var a = ArticleReader.FromBytes(Encoding.Unicode.GetBytes(German));
        Assert.Equal(German, a.Text);
        Assert.Equal("utf-16le", a.Metadata.Encoding);
    }

    [Fact]
    public void Latin1_text_falls_back_to_windows_1252_with_a_warning()
    {
        var a = ArticleReader.FromFile(File("latin1.txt", Cp1252.GetBytes(German)));
        Assert.Equal(German, a.Text); // „ “ – are Windows-1252 bytes 0x84 0x93 0x96
        Assert.Equal("windows-1252", a.Metadata.Encoding);
        var d = Assert.Single(a.Diagnostics, x => x.Code == "input.encoding");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("Windows-1252", d.Message);
    }

    [Fact]
    public void Mostly_utf8_with_a_bad_byte_is_decoded_with_a_replacement_and_warned()
    {
        var good = Encoding.UTF8.GetBytes(German);
        int at = Array.IndexOf(good, (byte)'S'); // "Straße"
        var bytes = good[..at].Concat(new byte[] { 0xFF }).Concat(good[at..]).ToArray();
        var a = ArticleReader.FromBytes(bytes);
        Assert.Equal("utf-8", a.Metadata.Encoding);
        Assert.Contains("\uFFFDStraße", a.Text);
        var d = Assert.Single(a.Diagnostics, x => x.Code == "input.encoding");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.NotNull(d.Span);
        Assert.Equal("\uFFFD", a.StringOf(d.Span!.Value));
    }

    [Fact]
    public void Truncated_utf8_at_the_end_is_replaced()
    {
        var bytes = Encoding.UTF8.GetBytes("Grüße aus Köln, schöne Straße. Ende");
        var a = ArticleReader.FromBytes([.. bytes, 0xC3]);
        Assert.EndsWith("Ende\uFFFD", a.Text);
        Assert.Contains(a.Diagnostics, x => x.Code == "input.encoding");
    }

    [Fact]
    public void Caller_named_encoding_wins()
    {
        var bytes = Cp1252.GetBytes(German);
        var a = ArticleReader.FromBytes(bytes, new ArticleMetadata { Encoding = "iso-8859-1" });
        Assert.Equal(German, a.Text);
        Assert.Equal("windows-1252", a.Metadata.Encoding);
        Assert.Empty(a.Diagnostics);
    }

    [Fact]
    public void Html_declared_charset_is_used_when_bytes_are_not_utf8()
    {
        var html = "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Grüße</title></head><body><h1>Grüße aus Köln</h1><p>Die Straße ist gesperrt.</p></body></html>";
        var a = ArticleReader.FromBytes(Cp1252.GetBytes(html));
        Assert.Equal("windows-1252", a.Metadata.Encoding);
        Assert.Contains("Die Straße ist gesperrt.", a.Text);
        Assert.DoesNotContain(a.Diagnostics, d => d.Severity >= Severity.Warning);
    }

    // --- format ---

    [Fact]
    public void Html_is_recognized_by_extension_content_and_media_type()
    {
        var html = Encoding.UTF8.GetBytes("<h1>Headline</h1><p>First paragraph of the story.</p>");
        Assert.Equal("text/html", ArticleReader.FromFile(File("story.html", html)).Metadata.MediaType);
        Assert.Equal("text/html", ArticleReader.FromBytes(html, new ArticleMetadata { MediaType = "text/html; charset=utf-8" }).Metadata.MediaType);

        var doc = Encoding.UTF8.GetBytes("<!doctype html>\n<html><body><p>Story text.</p></body></html>");
        var fromTxt = ArticleReader.FromFile(File("saved.txt", doc));
        Assert.Equal("text/html", fromTxt.Metadata.MediaType);
        Assert.Equal("Story text.", fromTxt.Text);

        var tagged = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Some <b>text</b> here.</p>\n", 6)));
        Assert.Equal("text/html", ArticleReader.FromBytes(tagged).Metadata.MediaType);
    }

    [Fact]
    public void Plain_text_mentioning_a_tag_stays_plain()
    {
        var text = Encoding.UTF8.GetBytes("Web developers\n\nThe <p> element marks a paragraph, a reader wrote.\n");
        var a = ArticleReader.FromBytes(text);
        Assert.Equal("text/plain", a.Metadata.MediaType);
        Assert.Contains("<p>", a.Text);
        var forced = ArticleReader.FromBytes(Encoding.UTF8.GetBytes("<html><body><p>x</p></body></html>"), new ArticleMetadata { MediaType = "text/plain" });
        Assert.StartsWith("<html>", forced.Text);
    }

    [Fact]
    public void Line_endings_are_kept_as_decoded()
    {
        var text = "Title line\r\n\r\nFirst paragraph.\r\nSecond line.\r\n";
        var a = ArticleReader.FromBytes(Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, a.Text);
    }

    [Fact]
    public void File_path_goes_into_metadata()
    {
        var path = File("a.txt", Encoding.UTF8.GetBytes(German));
        Assert.Equal(path, ArticleReader.FromFile(path).Metadata.Path);
    }

    private sealed class NonSeekable(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
