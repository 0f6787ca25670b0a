using System.Security.Cryptography;
using Bansos.Card.Crypto;
using Bansos.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;

namespace Bansos.Payout.Keys;

/// <summary>
/// The IMK in a file of the data folder (32 hex digits), generated on first start and readable
/// only by the service's user (mode 0600 on Unix; a file others may read stops start-up). Losing the file makes every issued card
/// useless, so operations must back it up (docs/payout.md); a PKCS#11 HSM replaces this later.
/// </summary>
public sealed partial class FileIssuerKeyStore : IssuerMasterKey
{
    private readonly byte[] key;

    public FileIssuerKeyStore(string path, ILogger<FileIssuerKeyStore> logger)
    {
        Path = System.IO.Path.GetFullPath(path);
        key = LoadOrCreate(Path, logger);
    }

    public string Path { get; }

    protected override ReadOnlySpan<byte> Key => key;

    private static byte[] LoadOrCreate(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            var created = TryCreate(path);
            if (created is not null)
            {
                LogCreated(logger, path);
                return created;
            }
            // Another process created it first: read theirs (whole: it appeared with its content).
        }

        var text = File.ReadAllText(path).Trim();
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The issuer key file {path} is not 32 hex digits.");
        }

        if (bytes.Length != CardKeys.KeyLength)
        {
            throw new InvalidOperationException($"The issuer key file {path} holds {bytes.Length} bytes; an AES-128 IMK has 16.");
        }

        if (!OperatingSystem.IsWindows() && OwnerOnlyFiles.OpenToOthers(path))
        {
            // Whoever can read it can make cards that pay: refuse to run on it rather than warn.
            throw new InvalidOperationException(
                $"The issuer key file {path} is open to other users (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}); " +
                $"make it the service user's alone with chmod 600 {path}, and consider the key exposed if others could log in.");
        }

        return bytes;
    }

    /// <summary>
    /// Creates the IMK unless another process did: under an exclusive lock on <c>{path}.lock</c>
    /// (FileShare.None is an flock on Unix), the key is written to a temporary file and renamed into
    /// place, so a process starting at the same moment sees no key file or the whole key, never a
    /// half-written one. Null: the file exists (another process made it); read it.
    /// </summary>
    private static byte[]? TryCreate(string path)
    {
        OwnerOnlyFiles.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var creation = Lock(path + ".lock");
        if (File.Exists(path))
        {
            return null;
        }

        var imk = RandomNumberGenerator.GetBytes(CardKeys.KeyLength);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, OwnerOnlyWrite(FileMode.Create)))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(Convert.ToHexString(imk));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false); // never overwrite a key: cards depend on it
        return imk;
    }

    private static FileStream Lock(string lockPath)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, OwnerOnlyWrite(FileMode.OpenOrCreate));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20); // another process is creating the key: a few milliseconds
            }
        }
    }

    private static FileStreamOptions OwnerOnlyWrite(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFiles.FileMode;
        }

        return options;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a new issuer master key in {Path}; back it up: cards personalised from it need it for every payout")]
    private static partial void LogCreated(ILogger logger, string path);
}
