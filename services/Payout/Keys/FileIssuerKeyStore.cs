using System.Security.Cryptography;
using Bansos.Card.Crypto;
using Microsoft.Extensions.Logging;

namespace Bansos.Payout.Keys;

/// <summary>
/// The IMK in a file of the data folder (32 hex digits), generated on first start and readable
/// only by the service's user (mode 0600 on Unix). Losing the file makes every issued card
/// useless, so operations must back it up (docs/payout.md); a PKCS#11 HSM replaces this later.
/// </summary>
public sealed partial class FileIssuerKeyStore : IssuerMasterKey
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

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
            // Another process created it first: read theirs.
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

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0)
        {
            LogTooOpen(logger, path);
        }

        return bytes;
    }

    private static byte[]? TryCreate(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var imk = RandomNumberGenerator.GetBytes(CardKeys.KeyLength);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, // never overwrite a key: cards depend on it
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(Convert.ToHexString(imk));
            writer.Flush();
            stream.Flush(flushToDisk: true);
            return imk;
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a new issuer master key in {Path}; back it up: cards personalised from it need it for every payout")]
    private static partial void LogCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The issuer key file {Path} is readable by other users; chmod 600 it")]
    private static partial void LogTooOpen(ILogger logger, string path);
}
