using System.Text;

namespace Hearsay.Ingest.Sources;

/// <summary>
/// Streams records of a delimiter-separated file with a configurable quote character, as used by the
/// 10kGNAD corpus (<c>label;'text'</c>: ';' separates, "'" quotes, a doubled quote inside a quoted field is one
/// quote character, quoted fields may span lines, no header). Reads one record at a time from a
/// <see cref="TextReader"/>, so the file is never held whole in memory; <paramref name="maxFieldChars"/> bounds one
/// field, so an unclosed quote cannot pull the rest of a large file into memory.
/// </summary>
public sealed class QuotedCsvReader(TextReader reader, char separator = ';', char quote = '\'', int maxFieldChars = int.MaxValue)
{
    /// <summary>Line (1-based) where the record last returned by <see cref="Read"/> started.</summary>
    public int RecordLine { get; private set; }

    private int _line = 1;

    /// <summary>All records; each is the list of its fields.</summary>
    public IEnumerable<string[]> Records()
    {
        while (Read() is { } record) yield return record;
    }

    /// <summary>The next record, or null at the end of the input.</summary>
    /// <exception cref="FormatException">A quoted field is not closed before the end of the input.</exception>
    public string[]? Read()
    {
        int c = reader.Peek();
        // Skip blank lines between records.
        while (c is '\n' or '\r')
        {
            Next();
            c = reader.Peek();
        }
        if (c < 0) return null;
        RecordLine = _line;
        var fields = new List<string>(2);
        var field = new StringBuilder();
        while (true)
        {
            c = reader.Peek();
            if (c == quote && field.Length == 0)
            {
                Next();
                ReadQuoted(field);
                c = reader.Peek();
                // Text between the closing quote and the separator belongs to the field, as most readers keep it.
                while (c >= 0 && c != separator && c != '\n' && c != '\r')
                {
                    field.Append((char)Next());
                    c = reader.Peek();
                }
            }
            if (c < 0 || c == '\n' || c == '\r')
            {
                fields.Add(field.ToString());
                if (c == '\r') { Next(); if (reader.Peek() == '\n') Next(); }
                else if (c == '\n') Next();
                return fields.ToArray();
            }
            if (c == separator)
            {
                Next();
                fields.Add(field.ToString());
                field.Clear();
                continue;
            }
            field.Append((char)Next());
            if (field.Length > maxFieldChars) throw TooLong();
        }
    }

    private FormatException TooLong() =>
        new($"line {RecordLine}: a field is over {maxFieldChars:#,0} characters (an unclosed quote?)");

    private void ReadQuoted(StringBuilder field)
    {
        int startLine = _line;
        while (true)
        {
            int c = Next();
            if (c < 0) throw new FormatException($"line {startLine}: a quoted field is not closed before the end of the file");
            if (c == quote)
            {
                if (reader.Peek() == quote)
                {
                    Next();
                    field.Append(quote);
                    continue;
                }
                return;
            }
            field.Append((char)c);
            if (field.Length > maxFieldChars) throw TooLong();
        }
    }

    private int Next()
    {
        int c = reader.Read();
        if (c == '\n') _line++;
        return c;
    }
}
