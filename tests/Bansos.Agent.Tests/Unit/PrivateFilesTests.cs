using Bansos.Agent.Storage;
using Bansos.Agent.Tests.Support;

namespace Bansos.Agent.Tests.Unit;

/// <summary>The data folder's files are the operator's alone, whatever the process's umask.</summary>
public sealed class PrivateFilesTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void An_appended_log_is_created_owner_only_and_keeps_what_was_there()
    {
        var log = Path.Combine(folder.Path, "agent", "errors.log");

        PrivateFiles.AppendAllText(log, "first\n");
        PrivateFiles.AppendAllText(log, "second\n");

        Assert.Equal("first\nsecond\n", File.ReadAllText(log));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(log));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(log)!));
        }
    }
}
