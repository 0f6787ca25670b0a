using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.Gateway.Users;

/// <summary>Random secrets (passwords, refresh tokens, enrolment codes) and the hashes stored in their place.</summary>
public static class Secrets
{
    // No 0/O, 1/I/L: codes and passwords are read aloud and typed at posko PCs.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A random token (256 bits, base64url).</summary>
    public static string NewToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary><paramref name="groups"/> groups of 4 characters joined by '-', ~5 bits each.</summary>
    public static string NewCode(int groups) =>
        string.Join('-', Enumerable.Range(0, groups).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));

    /// <summary>SHA-256 (base64url). Enough for high-entropy random secrets; passwords use the slow hasher.</summary>
    public static string Hash(string secret) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A code as typed (lower case, spaces, no dashes) in the form it was issued.</summary>
    public static string NormalizeCode(string code)
    {
        var letters = new string([.. (code ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return string.Join('-', letters.Chunk(4).Select(chunk => new string(chunk)));
    }
}
