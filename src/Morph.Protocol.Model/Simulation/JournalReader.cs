using System.Buffers.Binary;

namespace Morph.Protocol.Simulation;

/// <summary>How a journal ends.</summary>
public enum JournalEndKind
{
    /// <summary>After the last whole entry, nothing.</summary>
    Clean,

    /// <summary>A frame started but the file ends before it does: an append that did not complete (a crash, a full
    /// disk). <see cref="Journal.Recover"/> truncates it.</summary>
    Cut,

    /// <summary>A whole frame whose checksum does not match (or whose length no append writes): the file was damaged
    /// after it was written. Nothing is truncated automatically.</summary>
    Corrupt,
}

/// <summary>What a read of a journal found after its whole entries.</summary>
/// <param name="Entries">The whole, checked entries before the end.</param>
/// <param name="ValidLength">The offset just after the last whole entry (the header's length if none): where the next
/// append goes once the tail is recovered.</param>
/// <param name="LastEntryOffset">The offset of the last whole entry's frame, null if there is none.</param>
/// <param name="DiscardedBytes">The bytes after <paramref name="ValidLength"/> that are not a whole, checked entry
/// (0 when clean).</param>
/// <param name="CorruptIndex">The index of the entry whose checksum or length is wrong, when corrupt.</param>
public sealed record JournalEnd(JournalEndKind Kind, long Entries, long ValidLength, long? LastEntryOffset, long DiscardedBytes, long? CorruptIndex)
{
    public override string ToString() => Kind switch
    {
        JournalEndKind.Clean => $"clean after {Entries} entries ({ValidLength} bytes)",
        JournalEndKind.Cut => $"cut: {Entries} whole entries up to offset {ValidLength}, then {DiscardedBytes} bytes of an incomplete entry",
        _ => $"corrupt: entry {CorruptIndex} at offset {ValidLength} fails its checksum; {DiscardedBytes} bytes from there on are unread",
    };
}

/// <summary>One entry as read: its index, the offset of its frame, its payload.</summary>
public readonly record struct JournalEntry(long Index, long Offset, byte[] Payload);

/// <summary>Reads a journal's entries in order, each checked against its checksum; when <see cref="TryRead"/> returns
/// false, <see cref="End"/> says whether the file ended cleanly, was cut inside an entry, or holds a corrupt one.
/// Reading never changes the file.</summary>
public sealed class JournalReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _length;
    private readonly byte[] _word = new byte[4];
    private long _position;
    private long _index;
    private long? _lastEntryOffset;

    /// <summary>Reads <paramref name="stream"/> (seekable, positioned anywhere) from its start.</summary>
    public JournalReader(Stream stream, bool leaveOpen = false)
    {
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("a journal is read from a seekable stream", nameof(stream));
        _stream = stream;
        _leaveOpen = leaveOpen;
        // The length when reading starts: a writer appending meanwhile does not turn a clean end into a cut one.
        _length = stream.Length;
        _stream.Position = 0;
        ReadHeader();
    }

    /// <summary>Opens a journal file for reading; a writer may hold it open at the same time.</summary>
    public static JournalReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

    /// <summary>Null until <see cref="TryRead"/> has returned false.</summary>
    public JournalEnd? End { get; private set; }

    private void ReadHeader()
    {
        // An empty file is an empty journal (created, header not yet written); a prefix of the header is a cut one.
        var header = new byte[Math.Min(Journal.Header.Length, _length)];
        _stream.ReadExactly(header);
        if (!Journal.Header.AsSpan(0, header.Length).SequenceEqual(header))
            throw new InvalidDataException("not a Morph journal (its first bytes are not the journal header)");
        if (header.Length == 0) End = new JournalEnd(JournalEndKind.Clean, 0, 0, null, 0, null);
        else if (header.Length < Journal.Header.Length) End = new JournalEnd(JournalEndKind.Cut, 0, 0, null, header.Length, null);
        _position = header.Length;
    }

    /// <summary>The next whole, checked entry; false at the end of the entries, with <see cref="End"/> set.</summary>
    public bool TryRead(out JournalEntry entry)
    {
        entry = default;
        if (End is not null) return false;
        long remaining = _length - _position;
        if (remaining == 0) return Stop(JournalEndKind.Clean);
        if (remaining < Journal.FrameOverhead) return Stop(JournalEndKind.Cut);
        _stream.ReadExactly(_word);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(_word);
        // No append writes a longer one: a length beyond the limit is damage, not an append cut short.
        if (length > Journal.MaxPayloadLength) return Stop(JournalEndKind.Corrupt);
        if (remaining < Journal.FrameOverhead + length) return Stop(JournalEndKind.Cut);
        var payload = new byte[length];
        _stream.ReadExactly(payload);
        var lengthBytes = _word.ToArray();
        _stream.ReadExactly(_word);
        if (BinaryPrimitives.ReadUInt32LittleEndian(_word) != Journal.Checksum(lengthBytes, payload)) return Stop(JournalEndKind.Corrupt);
        entry = new JournalEntry(_index, _position, payload);
        _lastEntryOffset = _position;
        _position += Journal.FrameOverhead + length;
        _index++;
        return true;
    }

    /// <summary>Every whole entry; <see cref="End"/> is set once the enumeration completes.</summary>
    public IEnumerable<JournalEntry> ReadAll()
    {
        while (TryRead(out var e)) yield return e;
    }

    /// <summary>Reads to the end and returns it.</summary>
    public JournalEnd Scan()
    {
        while (TryRead(out _)) { }
        return End!;
    }

    private bool Stop(JournalEndKind kind)
    {
        End = new JournalEnd(kind, _index, _position, _lastEntryOffset, _length - _position, kind == JournalEndKind.Corrupt ? _index : null);
        return false;
    }

    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }
}
