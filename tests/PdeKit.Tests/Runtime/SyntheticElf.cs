using System.Buffers.Binary;
using System.Text;

namespace PdeKit.Tests.Runtime;

/// <summary>Builds a minimal 64-bit ELF with .dynstr, .dynsym, .gnu.version, .gnu.version_r and one .rela.dyn entry.</summary>
internal static class SyntheticElf
{
    /// <param name="relocatedSymbol">1 = the GLIBCXX_3.4.32 marker symbol, 2 = a symbol of GLIBCXX_3.4.</param>
    internal static byte[] Build(int relocatedSymbol)
    {
        var dynstr = Encoding.ASCII.GetBytes("\0libstdc++.so.6\0GLIBCXX_3.4.32\0GLIBCXX_3.4\0marker\0used\0");
        int Off(string s) => Encoding.ASCII.GetString(dynstr).IndexOf("\0" + s + "\0", StringComparison.Ordinal) + 1;

        var dynsym = new byte[3 * 24];
        BinaryPrimitives.WriteUInt32LittleEndian(dynsym.AsSpan(24), (uint)Off("marker"));
        BinaryPrimitives.WriteUInt32LittleEndian(dynsym.AsSpan(48), (uint)Off("used"));

        var versym = new byte[6];
        BinaryPrimitives.WriteUInt16LittleEndian(versym.AsSpan(2), 3); // marker -> index 3 (3.4.32)
        BinaryPrimitives.WriteUInt16LittleEndian(versym.AsSpan(4), 2); // used -> index 2 (3.4)

        var verneed = new byte[16 + 32];
        BinaryPrimitives.WriteUInt16LittleEndian(verneed.AsSpan(0), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(verneed.AsSpan(2), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(verneed.AsSpan(4), (uint)Off("libstdc++.so.6"));
        BinaryPrimitives.WriteUInt32LittleEndian(verneed.AsSpan(8), 16);
        Aux(verneed.AsSpan(16), other: 2, name: Off("GLIBCXX_3.4"), next: 16);
        Aux(verneed.AsSpan(32), other: 3, name: Off("GLIBCXX_3.4.32"), next: 0);

        var rela = new byte[24];
        BinaryPrimitives.WriteUInt64LittleEndian(rela.AsSpan(8), ((ulong)relocatedSymbol << 32) | 6 /* R_X86_64_GLOB_DAT */);

        var parts = new[] { dynstr, dynsym, versym, verneed, rela };
        var types = new uint[] { 3, 11, 0x6fffffff, 0x6ffffffe, 4 };
        var links = new uint[] { 0, 1, 2, 1, 2 };
        var offsets = new long[parts.Length];
        long at = 64;
        for (int i = 0; i < parts.Length; i++) { offsets[i] = at; at += (parts[i].Length + 7) / 8 * 8; }
        long shoff = at;
        var elf = new byte[shoff + 64 * (parts.Length + 1)];
        elf[0] = 0x7f; elf[1] = (byte)'E'; elf[2] = (byte)'L'; elf[3] = (byte)'F'; elf[4] = 2; elf[5] = 1; elf[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x10), 3); // ET_DYN
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(0x28), (ulong)shoff);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3C), (ushort)(parts.Length + 1));
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i].CopyTo(elf, offsets[i]);
            var sh = elf.AsSpan((int)(shoff + 64 * (i + 1)), 64);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[4..], types[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(sh[24..], (ulong)offsets[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(sh[32..], (ulong)parts[i].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[40..], links[i]);
        }
        return elf;
    }

    private static void Aux(Span<byte> s, ushort other, int name, uint next)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s[6..], other);
        BinaryPrimitives.WriteUInt32LittleEndian(s[8..], (uint)name);
        BinaryPrimitives.WriteUInt32LittleEndian(s[12..], next);
    }
}
