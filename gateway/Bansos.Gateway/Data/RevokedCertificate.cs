namespace Bansos.Gateway.Data;

/// <summary>One row of <c>gateway_revoked_certificates</c>.</summary>
public sealed record RevokedCertificate(string Thumbprint, long TerminalId, string SerialNumber, DateTimeOffset NotAfter, DateTimeOffset RevokedAt, string Reason);
