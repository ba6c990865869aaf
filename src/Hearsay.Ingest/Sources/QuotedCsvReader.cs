using System.Buffers;
using System.Text;

namespace Hearsay.Ingest.Sources;

/// <summary>
/// Streams records of a delimiter-separated file with a configurable quote character, as used by the
/// 10kGNAD corpus (<c>label;'text'</c>: ';' separates, "'" quotes, a doubled quote inside a quoted field is one
/// quote character, quoted fields may span lines, no header). Reads one record at a time from a
/// <see cref="TextReader"/>, so the file is never held whole in memory; <paramref name="maxFieldChars"/> bounds one
/// field, so an unclosed quote cannot pull the rest of a large file into memory.
/// <para>The text is read in blocks and searched for the next quote, separator or line break a block at a time
/// (vectorized <c>IndexOfAny</c>), not a character at a time.</para>
/// </summary>
public sealed class QuotedCsvReader(TextReader reader, char separator = ';', char quote = '\'', int maxFieldChars = int.MaxValue)
{
    /// <summary>Line (1-based) where the record last returned by <see cref="Read"/> started.</summary>
    public int RecordLine { get; private set; }

    private readonly char[] _buffer = new char[1 << 15];
    private readonly SearchValues<char> _plainEnd = SearchValues.Create([separator, '\n', '\r']);
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = new(2);
    private int _pos, _end;
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
        int c = Peek();
        // Skip blank lines between records.
        while (c is '\n' or '\r')
        {
            Skip(c);
            c = Peek();
        }
        if (c < 0) return null;
        RecordLine = _line;
        _fields.Clear();
        while (true)
        {
            _field.Clear();
            if (Peek() == quote)
            {
                _pos++;
                ReadQuoted();
            }
            // An unquoted field, or the text between a closing quote and the separator (which belongs to the
            // field, as most readers keep it).
            c = ReadPlain();
            _fields.Add(_field.ToString());
            if (c == separator)
            {
                _pos++;
                continue;
            }
            if (c == '\r')
            {
                _pos++;
                if (Peek() == '\n') Skip('\n');
            }
            else if (c == '\n') Skip('\n');
            return _fields.ToArray();
        }
    }

    /// <summary>Appends up to the next separator or line break; returns that character (not consumed), or -1 at the end.</summary>
    private int ReadPlain()
    {
        while (Fill())
        {
            var rest = _buffer.AsSpan(_pos, _end - _pos);
            int i = rest.IndexOfAny(_plainEnd);
            Append(i < 0 ? rest : rest[..i]);
            if (i >= 0)
            {
                _pos += i;
                return _buffer[_pos];
            }
            _pos = _end;
        }
        return -1;
    }

    /// <summary>Appends the inside of a quoted field (its opening quote consumed) and consumes the closing quote.</summary>
    private void ReadQuoted()
    {
        int startLine = _line;
        while (true)
        {
            if (!Fill()) throw new FormatException($"line {startLine}: a quoted field is not closed before the end of the file");
            var rest = _buffer.AsSpan(_pos, _end - _pos);
            int i = rest.IndexOf(quote);
            var chunk = i < 0 ? rest : rest[..i];
            _line += chunk.Count('\n');
            Append(chunk);
            if (i < 0)
            {
                _pos = _end;
                continue;
            }
            _pos += i + 1;
            if (Peek() != quote) return;
            // A doubled quote is one quote character.
            _pos++;
            Append([quote]);
        }
    }

    private void Append(ReadOnlySpan<char> text)
    {
        _field.Append(text);
        if (_field.Length > maxFieldChars) throw new FormatException($"line {RecordLine}: a field is over {maxFieldChars:#,0} characters (an unclosed quote?)");
    }

    private void Skip(int c)
    {
        _pos++;
        if (c == '\n') _line++;
    }

    private int Peek() => Fill() ? _buffer[_pos] : -1;

    /// <summary>True when at least one character is buffered, reading the next block if needed.</summary>
    private bool Fill()
    {
        if (_pos < _end) return true;
        _pos = 0;
        _end = reader.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }
}
