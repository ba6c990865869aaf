namespace Hearsay.Ingest.Sources;

/// <summary>
/// Forward reading of bytes from a stream through one buffer: lines (LF or CRLF) up to a length limit, and
/// blocks of a given size. A line longer than the limit is skipped to its end and reported as too long, so a
/// single huge line never takes more memory than the limit. Tracks the offset of everything it hands out.
/// </summary>
public sealed class ByteReader(Stream stream, int bufferSize = 64 * 1024)
{
    private byte[] _buf = new byte[bufferSize];
    private int _pos, _end;
    private long _bufOffset;
    private bool _ended;

    /// <summary>Offset in the stream of the next byte to be read.</summary>
    public long Position => _bufOffset + _pos;

    /// <summary>The stream is at its end and nothing is buffered.</summary>
    public bool AtEnd => _pos == _end && !Fill(1);

    public enum LineStatus { Line, TooLong, End }

    /// <summary>The next line without its line break. A line over <paramref name="maxLength"/> bytes is consumed
    /// and reported as <see cref="LineStatus.TooLong"/> with an empty span.</summary>
    public LineStatus ReadLine(int maxLength, out ReadOnlySpan<byte> line)
    {
        line = default;
        int scanned = 0;
        while (true)
        {
            int k = _buf.AsSpan(_pos + scanned, _end - _pos - scanned).IndexOf((byte)'\n');
            if (k >= 0)
            {
                int len = scanned + k;
                if (len > maxLength + 1)
                {
                    _pos += len + 1;
                    return LineStatus.TooLong;
                }
                line = _buf.AsSpan(_pos, len);
                _pos += len + 1;
                if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
                return LineStatus.Line;
            }
            scanned = _end - _pos;
            if (scanned > maxLength + 1)
            {
                // Too long: drop what is buffered and skip to the end of the line.
                _bufOffset += _end;
                _pos = _end = 0;
                while (true)
                {
                    if (!Fill(1)) return LineStatus.TooLong;
                    int nl = _buf.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
                    if (nl >= 0)
                    {
                        _pos += nl + 1;
                        return LineStatus.TooLong;
                    }
                    _bufOffset += _end;
                    _pos = _end = 0;
                }
            }
            if (!Fill(scanned + 1))
            {
                if (_end == _pos) return LineStatus.End;
                // The last line has no line break.
                line = _buf.AsSpan(_pos, _end - _pos);
                _pos = _end;
                if (line.Length > maxLength) { line = default; return LineStatus.TooLong; }
                if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
                return LineStatus.Line;
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes; returns fewer only at the end of the stream.</summary>
    public byte[] ReadBlock(int count)
    {
        var block = new byte[count];
        int got = 0;
        while (got < count)
        {
            if (_pos == _end && !Fill(1)) return block[..got];
            int n = Math.Min(count - got, _end - _pos);
            _buf.AsSpan(_pos, n).CopyTo(block.AsSpan(got));
            _pos += n;
            got += n;
        }
        return block;
    }

    /// <summary>Skips <paramref name="count"/> bytes; returns the number skipped (fewer at the end of the stream).</summary>
    public long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (_pos == _end && !Fill(1)) break;
            int n = (int)Math.Min(count - skipped, _end - _pos);
            _pos += n;
            skipped += n;
        }
        return skipped;
    }

    /// <summary>The next <paramref name="count"/> bytes without consuming them (fewer at the end).</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        Fill(count);
        return _buf.AsSpan(_pos, Math.Min(count, _end - _pos));
    }

    /// <summary>Moves to an offset of a seekable stream, dropping the buffer.</summary>
    public void Seek(long offset)
    {
        if (offset >= _bufOffset && offset <= _bufOffset + _end)
        {
            _pos = (int)(offset - _bufOffset);
            return;
        }
        stream.Seek(offset, SeekOrigin.Begin);
        _bufOffset = offset;
        _pos = _end = 0;
        _ended = false;
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from the read position; false if the stream ends first.</summary>
    private bool Fill(int count)
    {
        while (_end - _pos < count)
        {
            if (_ended) return false;
            if (_pos > 0 && (_buf.Length - _end < Math.Max(count, 4096) || _pos == _end))
            {
                Buffer.BlockCopy(_buf, _pos, _buf, 0, _end - _pos);
                _bufOffset += _pos;
                _end -= _pos;
                _pos = 0;
            }
            if (_buf.Length - _end < 4096 || _buf.Length < count) Array.Resize(ref _buf, Math.Max(_buf.Length * 2, count + 4096));
            int n = stream.Read(_buf, _end, _buf.Length - _end);
            if (n == 0) _ended = true;
            else _end += n;
        }
        return true;
    }
}
