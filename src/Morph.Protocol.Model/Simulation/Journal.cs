using System.Buffers;
using System.Buffers.Binary;

namespace Morph.Protocol.Simulation;

/// <summary>When <see cref="Journal.Append"/> makes an entry durable.</summary>
public enum JournalFlush
{
    /// <summary>Each append is handed to the operating system before it returns: it survives the process crashing,
    /// not the machine losing power. The default: a simulation can be replayed from its seed if the machine dies.</summary>
    ToOperatingSystem,

    /// <summary>Each append is also forced to the disk (fsync) before it returns: it survives a power loss, at the
    /// cost of a disk round trip per entry.</summary>
    ToDisk,
}

/// <summary>An append-only file of opaque entries (docs/journal.md): an 8-byte header, then one frame per entry,
/// <c>[length: u32 LE][payload][CRC-32C of length and payload: u32 LE]</c>. Opening reads every entry to find where
/// the whole ones end; a cut tail (an append that did not complete) is reported in <see cref="Opened"/> and refused
/// to append after until <see cref="Recover"/> truncates it; a corrupt entry is reported and never truncated. One
/// writer at a time; readers (<see cref="JournalReader"/>) may read alongside it (an append in flight reads as a cut tail).</summary>
/// <remarks>Why CRC-32C and not a truncated Keccak-256: the checksum guards against accidents (torn writes, flipped
/// bits), not adversaries, since anyone who can edit the file can recompute any unkeyed hash, Keccak included. For
/// accidents CRC-32C is the established choice (ext4, iSCSI, LevelDB, RocksDB): it catches every burst of up to 32
/// flipped bits and every odd number of them, and runs on the processor's CRC instruction, an order of magnitude
/// cheaper than a Keccak permutation per 136 bytes.</remarks>
public sealed class Journal : IDisposable
{
    /// <summary>"MJRN" and format version 1, little-endian: a file that does not start so is never read or truncated.</summary>
    internal static readonly byte[] Header = [(byte)'M', (byte)'J', (byte)'R', (byte)'N', 1, 0, 0, 0];

    /// <summary>The length word and the checksum around each payload.</summary>
    public const int FrameOverhead = 8;

    /// <summary>64 MiB: far above any block or transaction, and low enough that a damaged length word is recognised as
    /// damage instead of a frame running past the end of the file.</summary>
    public const int MaxPayloadLength = 64 << 20;

    private readonly FileStream _file;
    private readonly JournalFlush _flush;
    private JournalEnd _tail;
    private bool _failed;

    private Journal(FileStream file, JournalFlush flush, JournalEnd opened)
    {
        _file = file;
        _flush = flush;
        Opened = _tail = opened;
        Count = opened.Entries;
        Length = opened.ValidLength;
    }

    /// <summary>Opens the journal at <paramref name="path"/>, creating it if missing, and reads it through. Throws
    /// <see cref="InvalidDataException"/> if the file is not a journal.</summary>
    public static Journal Open(string path, JournalFlush flush = JournalFlush.ToOperatingSystem)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, bufferSize: 0);
        try
        {
            JournalEnd end;
            using (var reader = new JournalReader(file, leaveOpen: true)) end = reader.Scan();
            var journal = new Journal(file, flush, end);
            if (file.Length == 0) journal.WriteHeader();
            return journal;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>What opening found after the whole entries.</summary>
    public JournalEnd Opened { get; }

    /// <summary>Whole entries in the file (appended ones included).</summary>
    public long Count { get; private set; }

    /// <summary>Bytes of the header and the whole entries: where the next append goes.</summary>
    public long Length { get; private set; }

    /// <summary>Appends one entry and flushes it as <see cref="JournalFlush"/> says before returning. Refused while the
    /// file ends in a cut or corrupt entry (recover first), and after an append that failed part way.</summary>
    public void Append(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayloadLength) throw new ArgumentException($"a journal entry holds at most {MaxPayloadLength} bytes, not {payload.Length}", nameof(payload));
        EnsureAppendable();
        int size = FrameOverhead + payload.Length;
        var frame = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
            payload.CopyTo(frame.AsSpan(4));
            BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4 + payload.Length), Checksum(frame.AsSpan(0, 4), payload));
            // One write of the whole frame: a crash leaves a prefix of it at most, which reads back as a cut tail.
            _failed = true;
            _file.Position = Length;
            _file.Write(frame, 0, size);
            _file.Flush(flushToDisk: _flush == JournalFlush.ToDisk);
            _failed = false;
        }
        finally { ArrayPool<byte>.Shared.Return(frame); }
        Length += size;
        Count++;
    }

    /// <summary>Truncates a cut tail so appending can go on, and returns how many bytes were dropped (0 if the file
    /// ended cleanly). A corrupt entry is damage, not an interrupted append: it throws
    /// <see cref="InvalidDataException"/> and leaves the file as it is.</summary>
    public long Recover()
    {
        if (_tail.Kind == JournalEndKind.Corrupt) throw new InvalidDataException($"the journal is {_tail}: not truncated");
        long dropped = _file.Length - Length;
        _file.SetLength(Length);
        if (Length == 0) WriteHeader();
        _file.Flush(flushToDisk: _flush == JournalFlush.ToDisk);
        _tail = _tail with { Kind = JournalEndKind.Clean, DiscardedBytes = 0 };
        _failed = false;
        return dropped;
    }

    private void EnsureAppendable()
    {
        if (_failed) throw new InvalidOperationException("an earlier append failed part way: reopen the journal and recover it");
        if (_tail.Kind != JournalEndKind.Clean) throw new InvalidOperationException($"the journal is {_tail}: recover it before appending");
    }

    private void WriteHeader()
    {
        _file.Position = 0;
        _file.Write(Header);
        _file.Flush(flushToDisk: _flush == JournalFlush.ToDisk);
        Length = Header.Length;
    }

    /// <summary>The checksum of a frame: CRC-32C over its length word and payload, so a damaged length is caught too.</summary>
    internal static uint Checksum(ReadOnlySpan<byte> lengthWord, ReadOnlySpan<byte> payload) => ~Crc32C.Update(Crc32C.Update(~0u, lengthWord), payload);

    public void Dispose() => _file.Dispose();
}
