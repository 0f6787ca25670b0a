using System.Text;

namespace Bansos.PcSc.Native;

/// <summary>PC/SC's string conventions: NUL-terminated names and NUL-separated lists ending in two NULs.</summary>
internal static class MultiString
{
    public static string[] Split(string multi) =>
        multi.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    public static byte[] NullTerminatedUtf8(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
