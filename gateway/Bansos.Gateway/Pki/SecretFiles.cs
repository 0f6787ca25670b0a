using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bansos.Gateway.Pki;

/// <summary>Key and certificate files: folders 0700, private key files 0600 from the moment they exist.</summary>
internal static class SecretFiles
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnlyDirectory);
        File.SetUnixFileMode(path, OwnerOnlyDirectory);
    }

    /// <summary>Writes a secret (a private key, a password) readable by the owner only; never replaces an existing file.</summary>
    public static void WriteSecret(string path, string text)
    {
        EnsureDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }

    public static void WritePublic(string path, string text)
    {
        EnsureDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public static ECDsa ReadKey(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }

    public static X509Certificate2 ReadCertificate(string path) => X509CertificateLoader.LoadCertificateFromFile(path);
}
