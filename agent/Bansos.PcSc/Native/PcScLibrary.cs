using System.Reflection;
using System.Runtime.InteropServices;

namespace Bansos.PcSc.Native;

/// <summary>
/// Chooses the native library and the ABI for this OS. P/Invoke declarations name the logical
/// library "pcsc"; the resolver maps it to libpcsclite.so.1 (Debian ships no unversioned .so
/// without the -dev package) or winscard.dll.
/// </summary>
internal static class PcScLibrary
{
    public const string Name = "pcsc";

    private static readonly Lazy<IPcScApi> Api = new(Create);

    public static IPcScApi Default => Api.Value;

    private static IPcScApi Create()
    {
        NativeLibrary.SetDllImportResolver(typeof(PcScLibrary).Assembly, Resolve);
        if (OperatingSystem.IsWindows()) return new WinScardApi();
        if (OperatingSystem.IsLinux()) return new PcScLiteApi();
        // macOS' PCSC.framework uses 32-bit DWORDs and a packed SCARD_READERSTATE: a third ABI
        // that nobody here can test, so it is refused rather than guessed.
        throw new PlatformNotSupportedException("PC/SC hanya didukung di Linux dan Windows. (PC/SC is supported on Linux and Windows only.)");
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name) return 0;
        string[] candidates = OperatingSystem.IsWindows()
            ? ["winscard.dll"]
            : ["libpcsclite.so.1", "libpcsclite.so"];
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle)) return handle;
        }
        // Returning 0 lets the runtime throw DllNotFoundException, which PcScContext turns into
        // PcScServiceUnavailableException.
        return 0;
    }
}
