using System.Runtime.Versioning;

namespace Bansos.Agent.Storage;

/// <summary>
/// The data folder is the operator's alone: folders 0700, files 0600 on Unix (on Windows the
/// user's profile folder already keeps other users out). Writes are atomic — temporary file,
/// flushed to disk, moved over the old one — so a crash never leaves half a file.
/// </summary>
public static class PrivateFiles
{
    public static string EnsureFolder(string path)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows()) RestrictFolder(path);
        return path;
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        EnsureFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public static void WriteAllText(string path, string content) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Appends to a log of the data folder, created 0600 like every other file here (not with the process's umask).</summary>
    public static void AppendAllText(string path, string content)
    {
        EnsureFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(content);
    }

    [UnsupportedOSPlatform("windows")]
    private static void RestrictFolder(string path) =>
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
