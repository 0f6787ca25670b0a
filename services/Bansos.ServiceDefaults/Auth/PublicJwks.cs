using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.ServiceDefaults.Auth;

/// <summary>
/// A JWKS document holding the public half of P-256 signing keys: what the gateway publishes and
/// the services read (<see cref="BansosAuthOptions.JwksUri"/>). Never carries a private part.
/// </summary>
public static class PublicJwks
{
    public static string Create(IEnumerable<(string KeyId, ECDsa Key)> keys) =>
        JsonSerializer.Serialize(new
        {
            keys = keys.Select(k =>
            {
                var p = k.Key.ExportParameters(includePrivateParameters: false);
                return new Dictionary<string, string>
                {
                    ["kty"] = "EC",
                    ["crv"] = "P-256",
                    ["use"] = "sig",
                    ["alg"] = SecurityAlgorithms.EcdsaSha256,
                    ["kid"] = k.KeyId,
                    ["x"] = Base64UrlEncoder.Encode(p.Q.X),
                    ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
                };
            }).ToArray(),
        });

    /// <summary>A key id from the public key itself (its SHA-256 over the SubjectPublicKeyInfo, shortened).</summary>
    public static string KeyIdOf(ECDsa key) =>
        Base64UrlEncoder.Encode(SHA256.HashData(key.ExportSubjectPublicKeyInfo()).AsSpan(0, 12).ToArray());
}
