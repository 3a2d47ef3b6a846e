using System.Text;
using CsCheck;
using Morph.Protocol.Simulation;

namespace Morph.Protocol.Tests.Simulation;

/// <summary>The journal's framing: what is appended is read back whole, an append cut short anywhere is reported and
/// recovered from, damage is reported at the right entry and never truncated away.</summary>
[TestClass]
public sealed class JournalTests
{
    private const int HeaderLength = 8;
    private string _dir = null!;

    [TestInitialize]
    public void CreateDir() => _dir = Directory.CreateTempSubdirectory("morph-journal-").FullName;

    [TestCleanup]
    public void DeleteDir() => Directory.Delete(_dir, true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    private string Write(string name, params byte[][] payloads)
    {
        var path = PathOf(name);
        using var journal = Journal.Open(path);
        foreach (var p in payloads) journal.Append(p);
        return path;
    }

    private static (List<JournalEntry> Entries, JournalEnd End) ReadAll(string path)
    {
        using var reader = JournalReader.Open(path);
        var entries = reader.ReadAll().ToList();
        return (entries, reader.End!);
    }

    private static void AssertPayloads(IEnumerable<byte[]> expected, IEnumerable<JournalEntry> actual)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        Assert.AreEqual(e.Count, a.Count, "entry count");
        for (int i = 0; i < e.Count; i++)
        {
            Assert.AreEqual(i, a[i].Index);
            CollectionAssert.AreEqual(e[i], a[i].Payload, $"entry {i}");
        }
    }

    [TestMethod]
    public void Crc32C_is_the_Castagnoli_checksum()
    {
        // The check value of CRC-32C (RFC 3720 appendix B.4 lists it among others).
        Assert.AreEqual(0xE3069283u, Crc32C.Compute(Bytes("123456789")));
        Assert.AreEqual(0u, Crc32C.Compute([]));
        // The eight-bytes-a-step loop against the textbook bitwise definition, at every length and alignment.
        Gen.Byte.Array[0, 64].Sample(data => Crc32C.Compute(data) == Bitwise(data), iter: 500);
    }

    private static uint Bitwise(byte[] data)
    {
        uint crc = ~0u;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }

    [TestMethod]
    public void Entries_round_trip_and_appending_goes_on_after_reopening()
    {
        byte[][] first = [Bytes("genesis"), [], [0], new byte[10_000].Select((_, i) => (byte)i).ToArray()];
        var path = Write("j", first);
        var (entries, end) = ReadAll(path);
        AssertPayloads(first, entries);
        Assert.AreEqual(new JournalEnd(JournalEndKind.Clean, 4, new FileInfo(path).Length, entries[3].Offset, 0, null), end);
        Assert.AreEqual(HeaderLength + 7 + 8, entries[1].Offset, "frames follow the header back to back");

        using (var journal = Journal.Open(path))
        {
            Assert.AreEqual(JournalEndKind.Clean, journal.Opened.Kind);
            Assert.AreEqual(4, journal.Count);
            Assert.AreEqual(0, journal.Recover(), "a clean journal has nothing to recover");
            journal.Append(Bytes("block 2"));
            Assert.AreEqual(5, journal.Count);
            Assert.AreEqual(new FileInfo(path).Length, journal.Length);
        }
        AssertPayloads([.. first, Bytes("block 2")], ReadAll(path).Entries);
    }

    [TestMethod]
    public void A_reader_reads_alongside_the_writer_durable_appends_included()
    {
        var path = PathOf("shared");
        using var journal = Journal.Open(path, JournalFlush.ToDisk);
        journal.Append(Bytes("a"));
        journal.Append(Bytes("b"));
        var (entries, end) = ReadAll(path);
        AssertPayloads([Bytes("a"), Bytes("b")], entries);
        Assert.AreEqual(JournalEndKind.Clean, end.Kind);
        journal.Append(Bytes("c"));
        Assert.AreEqual(3, ReadAll(path).Entries.Count, "each append is visible to a new reader as soon as it returns");
    }

    [TestMethod]
    public void A_file_cut_at_every_byte_of_the_last_entry_recovers_to_the_entry_before()
    {
        byte[][] payloads = [Bytes("one"), Bytes("two, longer"), Bytes("three: the entry being appended when the power went")];
        var full = File.ReadAllBytes(Write("full", payloads));
        var (entries, _) = ReadAll(PathOf("full"));
        long lastOffset = entries[2].Offset;
        // A cut at lastOffset itself leaves two whole entries and nothing else: clean, not cut.
        for (long cut = lastOffset; cut < full.Length; cut++)
        {
            var path = PathOf($"cut-{cut}");
            File.WriteAllBytes(path, full[..(int)cut]);
            var (read, end) = ReadAll(path);
            AssertPayloads(payloads[..2], read);
            var expected = cut == lastOffset
                ? new JournalEnd(JournalEndKind.Clean, 2, lastOffset, entries[1].Offset, 0, null)
                : new JournalEnd(JournalEndKind.Cut, 2, lastOffset, entries[1].Offset, cut - lastOffset, null);
            Assert.AreEqual(expected, end, $"cut at {cut}");

            using (var journal = Journal.Open(path))
            {
                Assert.AreEqual(expected, journal.Opened);
                if (cut > lastOffset)
                    Assert.ThrowsExactly<InvalidOperationException>(() => journal.Append(Bytes("too early")), "no append after a cut tail before recovery");
                Assert.AreEqual(cut - lastOffset, journal.Recover(), $"cut at {cut}: bytes dropped");
                Assert.AreEqual(lastOffset, new FileInfo(path).Length);
                journal.Append(Bytes("three, again"));
            }
            var (again, endAgain) = ReadAll(path);
            AssertPayloads([.. payloads[..2], Bytes("three, again")], again);
            Assert.AreEqual(JournalEndKind.Clean, endAgain.Kind);
            File.Delete(path);
        }
    }

    [TestMethod]
    public void A_flipped_byte_is_reported_corrupt_at_its_entry_and_never_truncated()
    {
        byte[][] payloads = [Bytes("alpha"), Bytes("bravo"), Bytes("charlie"), Bytes("delta")];
        var full = File.ReadAllBytes(Write("full", payloads));
        var offsets = ReadAll(PathOf("full")).Entries.Select(e => e.Offset).ToList();
        for (int i = 0; i < payloads.Length; i++)
        {
            // A byte inside the payload, then a byte of the checksum.
            foreach (var at in new[] { offsets[i] + 4 + 2, offsets[i] + 4 + payloads[i].Length + 1 })
            {
                var bytes = full.ToArray();
                bytes[at] ^= 0x20;
                var path = PathOf($"flip-{at}");
                File.WriteAllBytes(path, bytes);
                var (read, end) = ReadAll(path);
                AssertPayloads(payloads[..i], read);
                Assert.AreEqual(new JournalEnd(JournalEndKind.Corrupt, i, offsets[i], i == 0 ? null : offsets[i - 1], full.Length - offsets[i], i), end, $"flip at {at}");
                using (var journal = Journal.Open(path))
                {
                    Assert.AreEqual(JournalEndKind.Corrupt, journal.Opened.Kind);
                    Assert.ThrowsExactly<InvalidOperationException>(() => journal.Append(Bytes("more")));
                    Assert.ThrowsExactly<InvalidDataException>(() => journal.Recover());
                }
                CollectionAssert.AreEqual(bytes, File.ReadAllBytes(path), "a corrupt journal is left as it is");
            }
        }
    }

    [TestMethod]
    public void A_length_no_append_writes_is_corruption_not_a_cut()
    {
        var path = PathOf("j");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(Write("h")), 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4]);
        Assert.AreEqual(new JournalEnd(JournalEndKind.Corrupt, 0, HeaderLength, null, 8, 0), ReadAll(path).End);
        using var journal = Journal.Open(PathOf("k"));
        Assert.ThrowsExactly<ArgumentException>(() => journal.Append(new byte[Journal.MaxPayloadLength + 1]));
        Assert.AreEqual(0, journal.Count);
    }

    [TestMethod]
    public void An_empty_file_is_an_empty_journal()
    {
        var path = PathOf("empty");
        File.WriteAllBytes(path, []);
        Assert.AreEqual(new JournalEnd(JournalEndKind.Clean, 0, 0, null, 0, null), ReadAll(path).End);
        using (var journal = Journal.Open(path))
        {
            Assert.AreEqual(0, journal.Count);
            Assert.AreEqual(HeaderLength, journal.Length, "opening writes the header");
        }
        Assert.AreEqual(new JournalEnd(JournalEndKind.Clean, 0, HeaderLength, null, 0, null), ReadAll(path).End);
        Assert.IsFalse(File.Exists(PathOf("new")));
        using (Journal.Open(PathOf("new"))) { }
        Assert.AreEqual(HeaderLength, new FileInfo(PathOf("new")).Length, "a missing file is created");
    }

    [TestMethod]
    public void A_cut_header_is_recovered_and_a_foreign_file_is_refused_untouched()
    {
        var path = PathOf("cut-header");
        File.WriteAllBytes(path, "MJR"u8.ToArray());
        Assert.AreEqual(new JournalEnd(JournalEndKind.Cut, 0, 0, null, 3, null), ReadAll(path).End);
        using (var journal = Journal.Open(path))
        {
            Assert.AreEqual(3, journal.Recover());
            journal.Append(Bytes("first"));
        }
        AssertPayloads([Bytes("first")], ReadAll(path).Entries);

        var foreign = PathOf("notes.txt");
        File.WriteAllText(foreign, "not a journal at all");
        Assert.ThrowsExactly<InvalidDataException>(() => Journal.Open(foreign));
        Assert.ThrowsExactly<InvalidDataException>(() => JournalReader.Open(foreign));
        Assert.AreEqual("not a journal at all", File.ReadAllText(foreign));
    }

    [TestMethod]
    public void Any_entries_cut_anywhere_read_back_as_the_whole_ones_before_the_cut()
    {
        Gen.Select(Gen.Byte.Array[0, 300].List[0, 12], Gen.Double[0, 1]).Sample((payloads, at) =>
        {
            // CsCheck samples on several threads: a file each.
            var path = PathOf(Guid.NewGuid().ToString("N"));
            using (var journal = Journal.Open(path)) foreach (var p in payloads) journal.Append(p);
            var full = File.ReadAllBytes(path);
            var ends = new List<long> { HeaderLength };
            foreach (var p in payloads) ends.Add(ends[^1] + 8 + p.Length);
            Assert.AreEqual(ends[^1], full.Length);

            using (var reader = new JournalReader(new MemoryStream(full)))
            {
                AssertPayloads(payloads, reader.ReadAll());
                Assert.AreEqual(JournalEndKind.Clean, reader.End!.Kind);
            }
            // A cut anywhere past the header: the entries wholly before it survive, the rest is reported.
            long cut = HeaderLength + (long)(at * (full.Length - HeaderLength));
            int whole = ends.Count(e => e <= cut) - 1;
            using (var reader = new JournalReader(new MemoryStream(full[..(int)cut])))
            {
                AssertPayloads(payloads.Take(whole), reader.ReadAll());
                var end = reader.End!;
                Assert.AreEqual(ends[whole] == cut ? JournalEndKind.Clean : JournalEndKind.Cut, end.Kind);
                Assert.AreEqual(ends[whole], end.ValidLength);
                Assert.AreEqual(cut - ends[whole], end.DiscardedBytes);
            }
            File.Delete(path);
        }, iter: 200);
    }
}
