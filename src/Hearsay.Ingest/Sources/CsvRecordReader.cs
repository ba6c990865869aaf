using System.Globalization;
using System.Text;

namespace Hearsay.Ingest.Sources;

/// <summary>
/// Delimiter-separated files, one article per record, streamed record by record with
/// <see cref="QuotedCsvReader"/>. Separator, quote character and header row are detected from the start of the
/// file unless given: the separator is the first of ';', ',' and tab on the first line; the quote is "'" when a
/// field opens with it (as in 10kGNAD's <c>label;'text'</c>), otherwise '"'; the first row is a header when it
/// names a known field. With a header, fields are found by name (<see cref="FieldMap"/>); without one the text is
/// the last column (10kGNAD: label, text) and other fields only by number (<c>--field title=2</c>).
/// </summary>
public static class CsvRecordReader
{
    private const int SniffBytes = 64 * 1024;

    public static IEnumerable<InputRecord> Read(InputFile file, Stream stream, IngestOptions options)
    {
        var prefix = new byte[SniffBytes];
        int got = 0;
        InputRecord? failure = null;
        try
        {
            while (got < prefix.Length)
            {
                int n = stream.Read(prefix, got, prefix.Length - got);
                if (n == 0) break;
                got += n;
            }
        }
        catch (GzipDataException ex)
        {
            failure = InputRecord.Failed(file.Name, "", ex.Truncated ? "truncated" : "damaged", ex.Message);
        }
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        string head = Encoding.UTF8.GetString(prefix, 0, got);
        string firstLine = head.Split('\n', 2)[0];
        char separator = options.CsvSeparator ?? SniffSeparator(firstLine);
        char quote = options.CsvQuote ?? SniffQuote(firstLine, separator);

        using var text = new StreamReader(new PrefixedStream(prefix.AsMemory(0, got), stream), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var csv = new QuotedCsvReader(text, separator, quote, options.MaxRecordBytes);
        Columns? columns = null;
        bool first = true;
        while (true)
        {
            string[]? row = null;
            string locator = "";
            try
            {
                row = csv.Read();
                locator = "line " + csv.RecordLine.ToString(CultureInfo.InvariantCulture);
            }
            catch (FormatException ex)
            {
                failure = InputRecord.Failed(file.Name, "line " + csv.RecordLine.ToString(CultureInfo.InvariantCulture), "malformed",
                    $"{ex.Message}; the records before were read, the rest of the file is lost");
            }
            catch (GzipDataException ex)
            {
                failure = InputRecord.Failed(file.Name, "line " + csv.RecordLine.ToString(CultureInfo.InvariantCulture), ex.Truncated ? "truncated" : "damaged",
                    $"{ex.Message}; the records before were read, the rest of the file is lost");
            }
            if (failure is not null)
            {
                yield return failure;
                yield break;
            }
            if (row is null) yield break;
            if (first)
            {
                first = false;
                bool header = options.CsvHeader ?? LooksLikeHeader(row, options.Fields);
                columns = new Columns(options.Fields, header ? row : null, row.Length);
                if (header) continue;
            }
            yield return columns!.Build(file, locator, row, options);
        }
    }

    private sealed class Columns
    {
        private readonly Dictionary<ArticleField, int> _index = new();
        private readonly string _lookedFor;

        public Columns(FieldMap fields, string[]? header, int width)
        {
            foreach (var field in Enum.GetValues<ArticleField>())
            {
                foreach (var name in fields.NamesOf(field))
                {
                    int i = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number - 1
                          : header is null ? -1
                          : Array.FindIndex(header, h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
                    if (i >= 0)
                    {
                        _index[field] = i;
                        break;
                    }
                }
            }
            // No header and no column named for the text: the last column (10kGNAD: label;text).
            if (!_index.ContainsKey(ArticleField.Text) && header is null && !fields.IsExplicit(ArticleField.Text)) _index[ArticleField.Text] = -2;
            _lookedFor = header is null
                ? "the column given by --field text=N"
                : $"a column named {string.Join(", ", fields.NamesOf(ArticleField.Text))}; choose with --field text=NAME";
        }

        public InputRecord Build(InputFile file, string locator, string[] row, IngestOptions options)
        {
            string? Get(ArticleField f)
            {
                if (!_index.TryGetValue(f, out int i)) return null;
                if (i == -2) i = row.Length - 1;
                return i >= 0 && i < row.Length ? row[i] : null;
            }
            return RecordBuilder.Build(file, locator, Get(ArticleField.Text), Get(ArticleField.Title), Get(ArticleField.Url),
                Get(ArticleField.Outlet), FieldMap.ParseDate(Get(ArticleField.Published)), Get(ArticleField.Language), options, _lookedFor);
        }
    }

    private static char SniffSeparator(string line)
    {
        int best = -1;
        char sep = ',';
        foreach (char c in new[] { ';', ',', '\t' })
        {
            int i = line.IndexOf(c);
            if (i >= 0 && (best < 0 || i < best))
            {
                best = i;
                sep = c;
            }
        }
        return sep;
    }

    private static char SniffQuote(string line, char separator)
    {
        foreach (var field in line.Split(separator))
        {
            var f = field.TrimStart();
            if (f.StartsWith('\'')) return '\'';
            if (f.StartsWith('"')) return '"';
        }
        return '"';
    }

    private static bool LooksLikeHeader(string[] row, FieldMap fields)
    {
        if (row.Any(f => f.Length > 64)) return false;
        var known = Enum.GetValues<ArticleField>().SelectMany(fields.NamesOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return row.Any(f => known.Contains(f.Trim()));
    }

    /// <summary>Bytes already read for sniffing, then the rest of the stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ForwardReadStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return rest.Read(buffer);
            int n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }
    }
}
