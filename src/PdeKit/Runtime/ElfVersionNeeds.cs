using System.Buffers.Binary;
using System.Text;

namespace PdeKit.Runtime;

/// <summary>One symbol-version requirement (<c>Vernaux</c> entry) of an ELF shared object.</summary>
/// <param name="File">The library the version is needed from, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Version">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Index">The version index that <c>.gnu.version</c> entries use to refer to it.</param>
/// <param name="Flags">The raw <c>vna_flags</c>; bit 0x2 is <c>VER_FLG_WEAK</c>.</param>
/// <param name="FlagsOffset">File offset of the 16-bit <c>vna_flags</c> field.</param>
public sealed record ElfVersionNeed(string File, string Version, ushort Index, ushort Flags, long FlagsOffset)
{
    /// <summary>The weak flag: the dynamic loader only warns when a weak version is missing.</summary>
    public const ushort WeakFlag = 0x2;

    /// <summary>True when the requirement is already marked weak.</summary>
    public bool IsWeak => (Flags & WeakFlag) != 0;
}

/// <summary>Thrown when a file is not an ELF object this reader understands, or is damaged.</summary>
public sealed class ElfFormatException(string message) : Exception(message);

/// <summary>
/// Reads and edits the symbol-version requirements (<c>.gnu.version_r</c>) of a 64-bit little-endian
/// ELF shared object. Used to mark one version need weak when it is only a marker that no relocation
/// uses (see <see cref="NativeLoader"/>).
/// </summary>
public static class ElfVersionNeeds
{
    private const uint ShtRela = 4, ShtRel = 9, ShtDynsym = 11, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;

    private readonly record struct Section(uint Type, long Offset, long Size, uint Link, long EntSize);

    /// <summary>All version needs of the object, in file order.</summary>
    public static IReadOnlyList<ElfVersionNeed> Read(ReadOnlySpan<byte> elf)
    {
        var sections = ReadSections(elf);
        var result = new List<ElfVersionNeed>();
        foreach (var s in sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strtab = Linked(sections, s.Link);
            long vn = s.Offset;
            for (int guard = 0; guard < 4096; guard++)
            {
                Check(elf, vn, 16);
                ushort cnt = U16(elf, vn + 2);
                string file = Str(elf, strtab, U32(elf, vn + 4));
                long aux = vn + U32(elf, vn + 8);
                for (int i = 0; i < cnt; i++)
                {
                    Check(elf, aux, 16);
                    result.Add(new ElfVersionNeed(file, Str(elf, strtab, U32(elf, aux + 8)), U16(elf, aux + 6), U16(elf, aux + 4), aux + 4));
                    uint nextAux = U32(elf, aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = U32(elf, vn + 12);
                if (next == 0) break;
                vn += next;
            }
        }
        return result;
    }

    /// <summary>
    /// Names of the dynamic symbols bound to version <paramref name="index"/> that some relocation
    /// refers to. An empty list means no symbol of that version is ever resolved at load or run time.
    /// </summary>
    public static IReadOnlyList<string> RelocatedSymbolsOfVersion(ReadOnlySpan<byte> elf, ushort index)
    {
        var sections = ReadSections(elf);
        int dynsymIndex = sections.FindIndex(s => s.Type == ShtDynsym);
        if (dynsymIndex < 0) return [];
        var dynsym = sections[dynsymIndex];
        var strtab = Linked(sections, dynsym.Link);
        var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (versym.Type == 0) return [];
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rel in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == dynsymIndex))
        {
            long entSize = rel.Type == ShtRela ? 24 : 16;
            for (long at = rel.Offset; at + entSize <= rel.Offset + rel.Size; at += entSize)
            {
                Check(elf, at, entSize);
                uint sym = (uint)(U64(elf, at + 8) >> 32);
                if (sym == 0) continue;
                long vs = versym.Offset + 2L * sym;
                Check(elf, vs, 2);
                if ((U16(elf, vs) & 0x7fff) != index) continue;
                long symAt = dynsym.Offset + 24L * sym;
                Check(elf, symAt, 24);
                names.Add(Str(elf, strtab, U32(elf, symAt)));
            }
        }
        return [.. names];
    }

    /// <summary>
    /// Returns a copy of <paramref name="elf"/> in which the need for <paramref name="version"/> is
    /// marked weak. Refuses (throws <see cref="InvalidOperationException"/>) unless exactly one
    /// requirement has that name and no relocation refers to a symbol of that version.
    /// </summary>
    public static byte[] MarkWeak(ReadOnlySpan<byte> elf, string version)
    {
        var matches = Read(elf).Where(n => n.Version == version).ToList();
        if (matches.Count != 1)
            throw new InvalidOperationException($"expected exactly one need for version {version}, found {matches.Count}");
        var need = matches[0];
        var used = RelocatedSymbolsOfVersion(elf, need.Index);
        if (used.Count > 0)
            throw new InvalidOperationException($"version {version} is used by relocations against {string.Join(", ", used)}; marking it weak would not be safe");
        var copy = elf.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan((int)need.FlagsOffset, 2), (ushort)(need.Flags | ElfVersionNeed.WeakFlag));
        return copy;
    }

    private static List<Section> ReadSections(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new ElfFormatException("not an ELF file (bad magic)");
        if (elf[4] != 2 || elf[5] != 1)
            throw new ElfFormatException("only 64-bit little-endian ELF files are supported");
        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
        if (shoff == 0 || shnum == 0)
            throw new ElfFormatException("the ELF file has no section headers");
        if (shentsize < 64)
            throw new ElfFormatException($"section header size {shentsize} is too small");
        var list = new List<Section>(shnum);
        for (int i = 0; i < shnum; i++)
        {
            long at = shoff + (long)i * shentsize;
            Check(elf, at, 64);
            var s = new Section(U32(elf, at + 4), (long)U64(elf, at + 24), (long)U64(elf, at + 32), U32(elf, at + 40), (long)U64(elf, at + 56));
            if (s.Type != 8 /* NOBITS */ && s.Type != 0) Check(elf, s.Offset, s.Size);
            list.Add(s);
        }
        return list;
    }

    private static Section Linked(List<Section> sections, uint index)
    {
        if (index >= sections.Count) throw new ElfFormatException($"section link {index} out of range");
        return sections[(int)index];
    }

    private static string Str(ReadOnlySpan<byte> elf, Section strtab, uint offset)
    {
        if (offset >= strtab.Size) throw new ElfFormatException($"string offset {offset} outside its table");
        var span = elf.Slice((int)(strtab.Offset + offset), (int)(strtab.Size - offset));
        int end = span.IndexOf((byte)0);
        if (end < 0) throw new ElfFormatException("unterminated string in string table");
        return Encoding.ASCII.GetString(span[..end]);
    }

    private static void Check(ReadOnlySpan<byte> elf, long offset, long size)
    {
        if (offset < 0 || size < 0 || offset + size > elf.Length)
            throw new ElfFormatException($"ELF structure at offset {offset} (size {size}) runs past the end of the file ({elf.Length} bytes); the file is truncated or damaged");
    }

    private static ushort U16(ReadOnlySpan<byte> b, long at) => BinaryPrimitives.ReadUInt16LittleEndian(b.Slice((int)at, 2));
    private static uint U32(ReadOnlySpan<byte> b, long at) => BinaryPrimitives.ReadUInt32LittleEndian(b.Slice((int)at, 4));
    private static ulong U64(ReadOnlySpan<byte> b, long at) => BinaryPrimitives.ReadUInt64LittleEndian(b.Slice((int)at, 8));
}
