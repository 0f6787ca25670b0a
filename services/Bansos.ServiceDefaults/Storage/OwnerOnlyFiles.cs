namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// Files that hold personal data or secrets (SQLite databases, upload spools, keys) are the
/// service user's alone, whatever the umask: folders 0700, files 0600. No-ops on Windows, where
/// the data folder's ACL decides.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (and missing parents) owner-only; an existing folder is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Makes an existing file owner-only (a file others could read is tightened, not refused).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & FileMode);
        }
    }

    /// <summary>True when group or others have any access to the file.</summary>
    public static bool OpenToOthers(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~DirectoryMode) != 0;
}
