using System.Globalization;
using System.IO.Compression;
using System.Text;
using Hearsay.Document;
using Hearsay.Input;

namespace Hearsay.Ingest.Sources;

/// <summary>
/// Web ARChive files (WARC 1.0/1.1, ISO 28500), plain or gzip-compressed with one member per record as
/// crawlers write them. Each record is a version line, header lines, a blank line, a block of Content-Length
/// bytes and a blank line. Articles are taken from
/// <list type="bullet">
/// <item><c>response</c> records holding an HTTP response with status 2xx and an HTML or plain-text body (HTTP
/// headers stripped, chunked transfer coding and gzip/deflate/br content coding undone);</item>
/// <item><c>resource</c> records of type text/html or text/plain (the payload as is);</item>
/// <item><c>conversion</c> records of type text/plain (Common Crawl's WET extracts).</item>
/// </list>
/// Other records (requests, metadata, warcinfo, revisits, images, scripts, redirects, errors) are passed over.
/// A broken record (no header, a Content-Length that does not fit, cut short, a damaged gzip member) is
/// reported, and reading resumes at the next record: in a plain file at the next "WARC/" line, in a compressed
/// one at the next gzip member.
/// </summary>
public static class WarcReader
{
    private const int MaxHeaderLine = 64 * 1024;
    private const int MaxHeaders = 256;
    /// <summary>Room for HTTP headers on top of the article size limit.</summary>
    private const int HeaderAllowance = 256 * 1024;

    public static IEnumerable<InputRecord> Read(InputFile file, Stream raw, IngestOptions options)
    {
        if (!file.Gzip)
        {
            // A plain file: records one after another; after a broken one, the next "WARC/" line.
            var parser = new Parser(file, options, seekable: raw.CanSeek, member: null);
            var reader = new ByteReader(raw);
            while (true)
            {
                var output = parser.Next(reader, out bool end);
                if (output is not null) yield return output;
                else if (!end) yield return Skipped(file);
                if (end) yield break;
            }
        }
        // Compressed: each record is (normally) its own gzip member, read and checked one at a time; a broken
        // record or a damaged member costs that member only.
        using var gz = new GzipMemberReader(raw, leaveOpen: true) { StopAtMemberEnd = true };
        var records = new Parser(file, options, seekable: false, member: gz);
        bool more = true;
        while (more)
        {
            InputRecord? failure = null;
            try
            {
                more = gz.NextMember();
            }
            catch (GzipDataException ex)
            {
                failure = records.GzipProblem(ex);
                more = false;
            }
            if (failure is not null) yield return failure;
            if (!more) yield break;
            var reader = new ByteReader(gz);
            while (true)
            {
                InputRecord? output = null;
                bool end = false;
                try
                {
                    output = records.Next(reader, out end);
                    if (!end && records.Broken)
                    {
                        // The rest of this member belongs to the broken record.
                        gz.DrainMember();
                        end = true;
                    }
                }
                catch (GzipDataException ex)
                {
                    output = records.GzipProblem(ex);
                    end = true;
                    if (ex.Truncated) more = false;
                    else
                    {
                        try { more = gz.SkipToNextMember(); }
                        catch (GzipDataException) { more = false; }
                    }
                }
                if (output is not null) yield return output;
                else if (!end) yield return Skipped(file);
                if (end) break;
            }
        }
    }

    /// <summary>A record that is not an article (a request, an image, a redirect): no content and no problem.</summary>
    private static InputRecord Skipped(InputFile file) => new() { Input = file.Name };

    /// <summary>Reads records one at a time and turns each into an article, a problem, or nothing.</summary>
    private sealed class Parser(InputFile file, IngestOptions options, bool seekable, GzipMemberReader? member)
    {
        private int _number;
        /// <summary>After a broken record in a plain file, the junk up to the next record is not reported again.</summary>
        private bool _resyncing;

        /// <summary>The last record read was broken (reported); in a compressed file its member is abandoned.</summary>
        public bool Broken { get; private set; }

        public InputRecord GzipProblem(GzipDataException ex) =>
            InputRecord.Failed(file.Name, $"record {_number + 1} (gzip member at byte {ex.Offset})", ex.Truncated ? "truncated" : "damaged",
                ex.Message + (ex.Truncated ? "; the records before were read" : "; reading resumes at the next record"));

        /// <summary>The next article or problem, or null for a record passed over; <paramref name="end"/> at the end of the input.</summary>
        public InputRecord? Next(ByteReader reader, out bool end)
        {
            end = false;
            Broken = false;
            long start = reader.Position;
            long junkAt = -1;
            ReadOnlySpan<byte> line;
            // The version line, after any blank lines. Anything else before it is not WARC: reported once.
            while (true)
            {
                long lineStart = reader.Position;
                var status = reader.ReadLine(MaxHeaderLine, out line);
                if (status == ByteReader.LineStatus.End)
                {
                    end = true;
                    return junkAt >= 0 && !_resyncing ? Junk(junkAt, "up to the end of the file") : null;
                }
                if (status == ByteReader.LineStatus.Line && line.StartsWith("WARC/"u8))
                {
                    start = lineStart;
                    break;
                }
                if (status == ByteReader.LineStatus.Line && line.Trim(" \t"u8).IsEmpty) continue;
                if (junkAt < 0) junkAt = lineStart;
            }
            if (junkAt >= 0 && !_resyncing)
            {
                // Report the junk. In a plain file the record after it is read by the next call; in a compressed
                // one the member holding junk is abandoned.
                if (seekable) reader.Seek(start);
                return Junk(junkAt, seekable ? "skipped up to the next record" : "in this gzip member, which is skipped");
            }
            _resyncing = false;
            _number++;
            string where = member is not null
                ? $"record {_number} (gzip member at byte {member.MemberStart})"
                : $"record {_number} at byte {start}";
            return Record(reader, start, where, out end);
        }

        private InputRecord Junk(long at, string what)
        {
            Broken = true;
            return InputRecord.Failed(file.Name, $"at byte {at}", "malformed", $"data that is not a WARC record (a broken record?), {what}");
        }

        private InputRecord? Record(ByteReader reader, long start, string where, out bool end)
        {
            end = false;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? last = null;
            for (int n = 0; ; n++)
            {
                var status = reader.ReadLine(MaxHeaderLine, out var line);
                if (status == ByteReader.LineStatus.End)
                {
                    end = member is null;
                    Broken = true;
                    return InputRecord.Failed(file.Name, where, "truncated", "the input ends inside the record's headers");
                }
                if (status == ByteReader.LineStatus.TooLong || n > MaxHeaders)
                    return Broke(reader, start, where, "malformed", "the record's headers are too long: not a WARC record");
                if (line.IsEmpty) break;
                if ((line[0] == ' ' || line[0] == '\t') && last is not null)
                {
                    headers[last] += " " + Encoding.UTF8.GetString(line).Trim();
                    continue;
                }
                int colon = line.IndexOf((byte)':');
                if (colon <= 0) return Broke(reader, start, where, "malformed", "a header line without a name: the record header is broken");
                last = Encoding.UTF8.GetString(line[..colon]).Trim();
                headers[last] = Encoding.UTF8.GetString(line[(colon + 1)..]).Trim();
            }
            if (!headers.TryGetValue("Content-Length", out var lengthText)
                || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
                return Broke(reader, start, where, "malformed", $"the record has {(lengthText is null ? "no" : $"an invalid ('{lengthText}')")} Content-Length");

            string type = headers.GetValueOrDefault("WARC-Type", "").ToLowerInvariant();
            bool wanted = type is "response" or "resource" or "conversion";
            if (!wanted || length > options.MaxRecordBytes + HeaderAllowance)
            {
                long skipped = reader.Skip(length);
                if (skipped < length) return CutShort(reader, start, where, length, skipped, out end);
                if (!EndOfRecord(reader)) return Broke(reader, start, where, "malformed", $"the record does not end where its Content-Length ({length}) says");
                if (!wanted || !LooksLikeArticle(type, headers)) return null;
                return InputRecord.Failed(file.Name, where, "too-large",
                    $"the record is {length / 1e6:0.#} MB, over the limit of {options.MaxRecordBytes / 1e6:0.#} MB (--max-size)");
            }
            byte[] block = reader.ReadBlock((int)length);
            if (block.Length < length) return CutShort(reader, start, where, length, block.Length, out end);
            if (!EndOfRecord(reader)) return Broke(reader, start, where, "malformed", $"the record does not end where its Content-Length ({length}) says");
            return Payload(where, type, headers, block);
        }

        /// <summary>The two line breaks that close a record (or the end of the input).</summary>
        private static bool EndOfRecord(ByteReader reader)
        {
            var next = reader.Peek(4);
            if (next.IsEmpty) return true;
            if (next.StartsWith("\r\n\r\n"u8)) { reader.Skip(4); return true; }
            if (next.StartsWith("\n\n"u8)) { reader.Skip(2); return true; }
            if (next.SequenceEqual("\r\n"u8) || next.SequenceEqual("\n"u8)) { reader.Skip(next.Length); return true; }
            return false;
        }

        private InputRecord CutShort(ByteReader reader, long start, string where, long length, long got, out bool end)
        {
            end = false;
            string message = $"the record is cut short: its Content-Length is {length} bytes, the input ends after {got}";
            if (member is null && !seekable) end = true;
            return Broke(reader, start, where, "truncated", message);
        }

        /// <summary>Reports a broken record. In a plain file reading goes back to just after its start, and the
        /// next call finds the next "WARC/" line (a wrong Content-Length may have swallowed the records after it);
        /// in a compressed file the caller abandons the member.</summary>
        private InputRecord Broke(ByteReader reader, long start, string where, string kind, string message)
        {
            Broken = true;
            if (seekable)
            {
                reader.Seek(start + 1);
                _resyncing = true;
            }
            return InputRecord.Failed(file.Name, where, kind, message + "; reading resumes at the next record");
        }

        private InputRecord? Payload(string where, string type, Dictionary<string, string> headers, byte[] block)
        {
            string url = headers.GetValueOrDefault("WARC-Target-URI", "").Trim('<', '>', ' ');
            string recordType = headers.GetValueOrDefault("Content-Type", "");
            byte[] body;
            string mediaType;
            string? charset;
            if (type == "response")
            {
                if (!recordType.Contains("application/http", StringComparison.OrdinalIgnoreCase)) return null;
                var http = HttpResponse.Parse(block, options.MaxRecordBytes);
                if (http.Error is not null) return InputRecord.Failed(file.Name, where, "malformed", $"{http.Error} ({url})");
                if (http.Status is < 200 or > 299) return null;
                (mediaType, charset) = MediaTypeOf(http.ContentType);
                if (!IsArticleType(mediaType)) return null;
                body = http.Body!;
            }
            else
            {
                (mediaType, charset) = MediaTypeOf(recordType);
                if (type == "conversion" ? mediaType != "text/plain" : !IsArticleType(mediaType)) return null;
                body = block;
            }
            if (body.Length > options.MaxRecordBytes)
                return InputRecord.Failed(file.Name, where, "too-large", $"the page is {body.Length / 1e6:0.#} MB, over the limit of {options.MaxRecordBytes / 1e6:0.#} MB (--max-size) ({url})");
            return new InputRecord
            {
                Input = file.Name,
                Locator = where,
                Bytes = body,
                Metadata = new ArticleMetadata
                {
                    Path = file.Name,
                    Url = url.Length > 0 ? url : null,
                    MediaType = mediaType == "text/plain" ? FormatSniffer.PlainText : FormatSniffer.Html,
                    Encoding = charset is not null && TextDecoder.Lookup(charset) is not null ? charset : null,
                    Language = options.Language,
                },
            };
        }

        private static bool LooksLikeArticle(string type, Dictionary<string, string> headers)
        {
            var payloadType = headers.GetValueOrDefault("WARC-Identified-Payload-Type") ?? (type == "response" ? null : headers.GetValueOrDefault("Content-Type"));
            return payloadType is null || IsArticleType(MediaTypeOf(payloadType).MediaType);
        }

    }

    private static (string MediaType, string? Charset) MediaTypeOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return ("", null);
        var parts = contentType.Split(';');
        string? charset = null;
        foreach (var p in parts.Skip(1))
        {
            var kv = p.Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase)) charset = kv[1].Trim().Trim('"', '\'');
        }
        return (parts[0].Trim().ToLowerInvariant(), charset);
    }

    private static bool IsArticleType(string mediaType) => mediaType is "text/html" or "application/xhtml+xml" or "text/plain";

    /// <summary>An HTTP response as a WARC response record holds it: status, headers, body (decoded).</summary>
    internal sealed record HttpResponse(int Status, string? ContentType, byte[]? Body, string? Error)
    {
        public static HttpResponse Parse(byte[] block, int maxBody)
        {
            int headerEnd = IndexOfBlankLine(block, out int separator);
            if (headerEnd < 0) return new(0, null, null, "the HTTP response has no end of headers");
            var head = Encoding.Latin1.GetString(block, 0, headerEnd).Split('\n');
            var status = head[0].Trim().Split(' ', 3);
            if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out int code))
                return new(0, null, null, $"the HTTP response has no status line ('{head[0].Trim()}')");
            string? contentType = null, transfer = null, encoding = null;
            foreach (var h in head.Skip(1))
            {
                int colon = h.IndexOf(':');
                if (colon <= 0) continue;
                var name = h[..colon].Trim();
                var value = h[(colon + 1)..].Trim();
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) transfer = value.ToLowerInvariant();
                else if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)) encoding = value.ToLowerInvariant();
            }
            byte[] body = block[(headerEnd + separator)..];
            if (code is < 200 or > 299) return new(code, contentType, body, null);
            try
            {
                if (transfer is not null && transfer.Contains("chunked")) body = Dechunk(body);
                body = encoding switch
                {
                    null or "" or "identity" => body,
                    "gzip" or "x-gzip" => Inflate(new GZipStream(new MemoryStream(body), CompressionMode.Decompress), maxBody),
                    "deflate" => Inflate(new ZLibStream(new MemoryStream(body), CompressionMode.Decompress), maxBody),
                    "br" => Inflate(new BrotliStream(new MemoryStream(body), CompressionMode.Decompress), maxBody),
                    _ => throw new InvalidDataException($"unknown content coding '{encoding}'"),
                };
            }
            catch (InvalidDataException ex)
            {
                return new(code, contentType, null, $"the HTTP body cannot be decoded: {ex.Message}");
            }
            return new(code, contentType, body, null);
        }

        private static int IndexOfBlankLine(byte[] block, out int separator)
        {
            var span = block.AsSpan();
            int crlf = span.IndexOf("\r\n\r\n"u8);
            int lf = span.IndexOf("\n\n"u8);
            if (crlf >= 0 && (lf < 0 || crlf <= lf)) { separator = 4; return crlf; }
            separator = 2;
            return lf;
        }

        private static byte[] Dechunk(byte[] body)
        {
            var output = new MemoryStream(body.Length);
            int i = 0;
            while (i < body.Length)
            {
                int eol = body.AsSpan(i).IndexOf((byte)'\n');
                if (eol < 0) throw new InvalidDataException("a chunk size line is cut short");
                var sizeText = Encoding.ASCII.GetString(body, i, eol).Split(';')[0].Trim();
                if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int size) || size < 0)
                    throw new InvalidDataException($"a bad chunk size '{sizeText}'");
                i += eol + 1;
                if (size == 0) break;
                if (i + size > body.Length) throw new InvalidDataException("a chunk is cut short");
                output.Write(body, i, size);
                i += size;
                if (i < body.Length && body[i] == '\r') i++;
                if (i < body.Length && body[i] == '\n') i++;
            }
            return output.ToArray();
        }

        private static byte[] Inflate(Stream decoder, int max)
        {
            using (decoder)
            {
                var output = new MemoryStream();
                var buffer = new byte[81920];
                int n;
                while ((n = decoder.Read(buffer)) > 0)
                {
                    if (output.Length + n > max) throw new InvalidDataException($"the decoded body is over {max / 1e6:0.#} MB");
                    output.Write(buffer, 0, n);
                }
                return output.ToArray();
            }
        }
    }
}
