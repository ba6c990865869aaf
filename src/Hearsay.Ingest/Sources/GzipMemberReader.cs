using System.Buffers.Binary;
using System.IO.Compression;

namespace Hearsay.Ingest.Sources;

/// <summary>Gzip data that is cut short or damaged, at a compressed byte offset.</summary>
public sealed class GzipDataException(string message, long offset, bool truncated, Exception? inner = null)
    : IOException(message, inner)
{
    /// <summary>Compressed offset of the member that failed.</summary>
    public long Offset { get; } = offset;
    /// <summary>The input ended inside a member.</summary>
    public bool Truncated { get; } = truncated;
}

/// <summary>
/// Decompresses gzip data member by member (RFC 1952) and checks every member against its trailer (CRC-32 and
/// length), which .NET's GZipStream does not: a cut-off .gz file would otherwise read as a shorter file without
/// any error. Reads as one stream of the members' decompressed bytes; <see cref="GzipDataException"/> says
/// where a member is cut short or damaged. <see cref="SkipToNextMember"/> resumes at the next member header, as
/// a WARC reader does after a damaged record (each WARC record is its own member).
/// <para>The raw stream is read forward only, in small slices, so that when a member's deflate data ends the
/// few bytes read past it are still at hand to find the trailer and the next member's header.</para>
/// </summary>
public sealed class GzipMemberReader : Stream
{
    private const int Slice = 16 * 1024;
    private const int MaxHeaderField = 64 * 1024;

    private readonly Stream _raw;
    private readonly bool _leaveOpen;
    private byte[] _buf = new byte[8 * Slice];
    private long _bufOffset;      // raw offset of _buf[0]
    private int _pos;             // next byte not yet handed to the inflater
    private int _end;             // end of valid data in _buf
    private bool _rawEnded;

    private DeflateStream? _inflater;
    private uint _crc;
    private long _length;
    private int _keepFrom;        // where the current member's deflate data starts (the trailer search starts no earlier)

    public GzipMemberReader(Stream raw, bool leaveOpen = false)
    {
        _raw = raw;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Member by member: <see cref="Read(Span{byte})"/> returns 0 at the end of each member until
    /// <see cref="NextMember"/> is called.</summary>
    public bool StopAtMemberEnd { get; init; }

    private bool _memberDone;

    /// <summary>Compressed offset where the current (or last) member starts.</summary>
    public long MemberStart { get; private set; }

    /// <summary>Members read to their verified end.</summary>
    public int MembersRead { get; private set; }

    /// <summary>Compressed bytes consumed so far.</summary>
    public long CompressedPosition => _bufOffset + _pos;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            if (_inflater is null)
            {
                if (StopAtMemberEnd && _memberDone) return 0;
                if (!StartMember()) return 0;
            }
            int n;
            try
            {
                n = _inflater!.Read(buffer);
            }
            catch (InvalidDataException ex)
            {
                DropMember();
                throw new GzipDataException($"damaged gzip data in the member at byte {MemberStart} ({ex.Message})", MemberStart, truncated: false, ex);
            }
            if (n > 0)
            {
                _crc = Crc32.Append(_crc, buffer[..n]);
                _length += n;
                return n;
            }
            FinishMember();
        }
    }

    /// <summary>With <see cref="StopAtMemberEnd"/>: moves on to the next member. False when the input has ended.</summary>
    public bool NextMember()
    {
        DropMember();
        _memberDone = false;
        return Ensure(1) && !AllZero();
    }

    /// <summary>With <see cref="StopAtMemberEnd"/>: reads the rest of the current member (checking it) and discards it.</summary>
    public void DrainMember()
    {
        var scratch = new byte[16 * 1024];
        while (Read(scratch) > 0) { }
    }

    /// <summary>Abandons the current member and moves to the next gzip member header after its start.
    /// Returns false when there is none (the input is at its end).</summary>
    public bool SkipToNextMember()
    {
        long from = MemberStart + 1;
        DropMember();
        _memberDone = false;
        if (CompressedPosition > from) Rewind(from);
        while (true)
        {
            if (!Ensure(10)) { _pos = _end; return false; }
            int k = _buf.AsSpan(_pos, _end - _pos).IndexOf((byte)0x1F);
            if (k < 0)
            {
                _pos = _end;
                continue;
            }
            _pos += k;
            if (!Ensure(10)) { _pos = _end; return false; }
            if (LooksLikeHeader(_buf.AsSpan(_pos, 10))) return true;
            _pos++;
        }
    }

    /// <summary>Starts the next member; false at a clean end of the input (trailing zero padding allowed).</summary>
    private bool StartMember()
    {
        if (!Ensure(1)) return false;
        MemberStart = CompressedPosition;
        if (!Ensure(10))
        {
            if (AllZero()) { _pos = _end; return false; }
            throw new GzipDataException($"the gzip data is cut short at byte {MemberStart} (an incomplete member header)", MemberStart, truncated: true);
        }
        var h = _buf.AsSpan(_pos, 10);
        if (h[0] != 0x1F || h[1] != 0x8B)
        {
            if (AllZero()) { _pos = _end; return false; }
            throw new GzipDataException($"not gzip data at byte {MemberStart}", MemberStart, truncated: false);
        }
        if (h[2] != 8) throw new GzipDataException($"unknown gzip compression method {h[2]} at byte {MemberStart}", MemberStart, truncated: false);
        byte flags = h[3];
        if ((flags & 0xE0) != 0) throw new GzipDataException($"a damaged gzip header at byte {MemberStart}", MemberStart, truncated: false);
        _pos += 10;
        if ((flags & 4) != 0)
        {
            if (!Ensure(2)) throw CutShort();
            int xlen = BinaryPrimitives.ReadUInt16LittleEndian(_buf.AsSpan(_pos, 2));
            _pos += 2;
            if (!Ensure(xlen)) throw CutShort();
            _pos += xlen;
        }
        if ((flags & 8) != 0) SkipZeroTerminated();
        if ((flags & 16) != 0) SkipZeroTerminated();
        if ((flags & 2) != 0)
        {
            if (!Ensure(2)) throw CutShort();
            _pos += 2;
        }
        _keepFrom = _pos;
        _crc = 0;
        _length = 0;
        _inflater = new DeflateStream(new Feed(this), CompressionMode.Decompress, leaveOpen: false);
        return true;
    }

    /// <summary>The deflate data ended: find the trailer among the bytes just past it and check it.</summary>
    private void FinishMember()
    {
        _inflater!.Dispose();
        _inflater = null;
        // The inflater was handed at most two slices past the end of its data.
        int from = Math.Max(_keepFrom, _pos - 2 * Slice);
        int limit = _pos;
        for (int t = from; t <= limit; t++)
        {
            if (!Ensure(t - _pos + 8)) break;
            var trailer = _buf.AsSpan(t, 8);
            if (BinaryPrimitives.ReadUInt32LittleEndian(trailer) != _crc || BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) != (uint)_length) continue;
            // Found: what follows is the next member (or the end).
            _pos = t + 8;
            _keepFrom = _pos;
            MembersRead++;
            _memberDone = true;
            return;
        }
        bool ended = _rawEnded && _end - _pos < 8;
        throw new GzipDataException(ended
            ? $"the gzip data is cut short: the member at byte {MemberStart} has no complete end (the file was truncated)"
            : $"damaged gzip data: the member at byte {MemberStart} fails its CRC or length check", MemberStart, truncated: ended);
    }

    private void DropMember()
    {
        _inflater?.Dispose();
        _inflater = null;
    }

    private GzipDataException CutShort() =>
        new($"the gzip data is cut short at byte {MemberStart} (an incomplete member header)", MemberStart, truncated: true);

    private void SkipZeroTerminated()
    {
        for (int n = 0; n < MaxHeaderField; n++)
        {
            if (!Ensure(1)) throw CutShort();
            if (_buf[_pos++] == 0) return;
        }
        throw new GzipDataException($"a damaged gzip header at byte {MemberStart}", MemberStart, truncated: false);
    }

    private static bool LooksLikeHeader(ReadOnlySpan<byte> h) =>
        h[0] == 0x1F && h[1] == 0x8B && h[2] == 8 && (h[3] & 0xE0) == 0 && h[8] is 0 or 2 or 4 && (h[9] <= 13 || h[9] == 255);

    private bool AllZero()
    {
        while (true)
        {
            if (_buf.AsSpan(_pos, _end - _pos).IndexOfAnyExcept((byte)0) >= 0) return false;
            _pos = _end;
            if (!Ensure(1)) return true;
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from <see cref="_pos"/>; false when the input ends first.</summary>
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (_rawEnded) return false;
            Compact(count);
            int n = _raw.Read(_buf, _end, _buf.Length - _end);
            if (n == 0) _rawEnded = true;
            else _end += n;
        }
        return true;
    }

    /// <summary>Makes room at the end of the buffer, keeping what the trailer search may still need.</summary>
    private void Compact(int count)
    {
        // The trailer search looks back at most two slices from the read position; older bytes can go.
        int keep = Math.Max(0, _pos - 2 * Slice - 8);
        if (keep > 0 && _buf.Length - _end < Slice)
        {
            Buffer.BlockCopy(_buf, keep, _buf, 0, _end - keep);
            _bufOffset += keep;
            _pos -= keep;
            _end -= keep;
            _keepFrom = Math.Max(0, _keepFrom - keep);
        }
        int need = _pos + count + Slice;
        if (need > _buf.Length || _buf.Length - _end < 1024)
            Array.Resize(ref _buf, Math.Max(_buf.Length * 2, need));
    }

    private void Rewind(long offset)
    {
        // Only within the buffer (the raw stream is read forward only).
        int p = (int)(offset - _bufOffset);
        _pos = Math.Clamp(p, 0, _end);
    }

    /// <summary>What the inflater reads: slices of the buffer, never more than one at a time.</summary>
    private sealed class Feed(GzipMemberReader owner) : ForwardReadStream
    {
        public override int Read(Span<byte> buffer)
        {
            if (!owner.Ensure(1)) return 0;
            int n = Math.Min(Math.Min(buffer.Length, Slice), owner._end - owner._pos);
            owner._buf.AsSpan(owner._pos, n).CopyTo(buffer);
            owner._pos += n;
            return n;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DropMember();
            if (!_leaveOpen) _raw.Dispose();
        }
        base.Dispose(disposing);
    }
}
