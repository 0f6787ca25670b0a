using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Bansos.Agent.Storage;

namespace Bansos.Agent.Enrolment;

/// <summary>
/// The terminal's key pair and certificate in the data folder. The private key is a PKCS#8 PEM file
/// of mode 0600 in a 0700 folder on Linux; on Windows it stays in the user's CNG key store
/// (non-exportable, protected by the user's login), and only its name is kept here.
/// </summary>
public sealed class TerminalCredentialStore(string dataFolder)
{
    private string KeyFile => Path.Combine(dataFolder, "terminal-key.pem");
    private string KeyNameFile => Path.Combine(dataFolder, "terminal-key.cng");
    private string CertificateFile => Path.Combine(dataFolder, "terminal-cert.pem");
    private string GatewayCaFile => Path.Combine(dataFolder, "gateway-ca.pem");
    private string TerminalFile => Path.Combine(dataFolder, "terminal-id");

    public bool Exists => File.Exists(CertificateFile) && File.Exists(TerminalFile);

    /// <summary>A fresh ECDSA P-256 key pair; on Windows created in the user's key store under a new name.</summary>
    public ECDsa NewKey(out string? storedName)
    {
        if (OperatingSystem.IsWindows())
        {
            storedName = "Bansos-Agent-" + Guid.NewGuid().ToString("N");
            return CreateWindowsKey(storedName);
        }
        storedName = null;
        return ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }

    /// <summary>A PKCS#10 request (DER) for <paramref name="key"/>; the gateway ignores the subject.</summary>
    public static byte[] CreateCsr(ECDsa key) =>
        new CertificateRequest("CN=bansos-agent", key, HashAlgorithmName.SHA256).CreateSigningRequest();

    public TerminalCredentials Save(long terminalId, ECDsa key, string? storedKeyName, byte[] certificateDer, byte[] gatewayCaDer)
    {
        PrivateFiles.EnsureFolder(dataFolder);
        using var certificate = X509CertificateLoader.LoadCertificate(certificateDer);
        using var publicKey = certificate.GetECDsaPublicKey();
        if (publicKey is null || !publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
            throw new CryptographicException("The certificate the gateway returned is not for the key this agent made.");
        var oldKeyName = File.Exists(KeyNameFile) ? File.ReadAllText(KeyNameFile).Trim() : null;
        if (storedKeyName is null) PrivateFiles.WriteAllText(KeyFile, key.ExportPkcs8PrivateKeyPem());
        else PrivateFiles.WriteAllText(KeyNameFile, storedKeyName);
        PrivateFiles.WriteAllText(CertificateFile, certificate.ExportCertificatePem());
        PrivateFiles.WriteAllText(GatewayCaFile, PemEncoding.WriteString("CERTIFICATE", gatewayCaDer));
        PrivateFiles.WriteAllText(TerminalFile, terminalId.ToString(CultureInfo.InvariantCulture));
        if (OperatingSystem.IsWindows() && oldKeyName is { Length: > 0 } && oldKeyName != storedKeyName) DeleteWindowsKey(oldKeyName);
        return Load() ?? throw new CryptographicException("The saved certificate could not be read back.");
    }

    /// <summary>The enrolled credentials, or null when this agent is not enrolled.</summary>
    public TerminalCredentials? Load()
    {
        if (!Exists) return null;
        var terminalId = long.Parse(File.ReadAllText(TerminalFile).Trim(), CultureInfo.InvariantCulture);
        var certificatePem = File.ReadAllText(CertificateFile, Encoding.ASCII);
        var gatewayCa = X509Certificate2.CreateFromPem(File.ReadAllText(GatewayCaFile, Encoding.ASCII));
        X509Certificate2 withKey;
        if (OperatingSystem.IsWindows() && File.Exists(KeyNameFile))
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            using var key = OpenWindowsKey(File.ReadAllText(KeyNameFile).Trim());
            withKey = certificate.CopyWithPrivateKey(key);
        }
        else
        {
            withKey = X509Certificate2.CreateFromPem(certificatePem, File.ReadAllText(KeyFile, Encoding.ASCII));
        }
        return new TerminalCredentials(terminalId, withKey, gatewayCa);
    }

    [SupportedOSPlatform("windows")]
    private static ECDsaCng CreateWindowsKey(string name) =>
        new(CngKey.Create(CngAlgorithm.ECDsaP256, name, new CngKeyCreationParameters
        {
            ExportPolicy = CngExportPolicies.None,
            KeyCreationOptions = CngKeyCreationOptions.None,
        }));

    [SupportedOSPlatform("windows")]
    private static ECDsaCng OpenWindowsKey(string name) => new(CngKey.Open(name));

    [SupportedOSPlatform("windows")]
    private static void DeleteWindowsKey(string name)
    {
        try
        {
            CngKey.Open(name).Delete();
        }
        catch (CryptographicException)
        {
            // already gone
        }
    }
}
