using Bansos.Protos.Gateway.V1;
using Google.Protobuf;

namespace Bansos.Agent.Enrolment;

/// <summary>
/// Enrolment with a one-time code, and renewal over mutual TLS: each makes a new key pair on this
/// PC (the private key never leaves it), sends only the CSR and keeps what the gateway signs.
/// </summary>
public sealed class TerminalEnrolment(TerminalCredentialStore store, TimeProvider time)
{
    public async Task<TerminalCredentials> EnrollAsync(IEnrolmentClient client, string code, CancellationToken cancellationToken)
    {
        using var key = store.NewKey(out var storedName);
        var answer = await client.EnrollAsync(new EnrollRequest
        {
            EnrolmentCode = code.Trim(),
            Csr = ByteString.CopyFrom(TerminalCredentialStore.CreateCsr(key)),
        }, cancellationToken);
        return store.Save(answer.TerminalId, key, storedName, answer.Certificate.ToByteArray(), answer.ServerCaCertificate.ToByteArray());
    }

    /// <summary>Renews when the certificate ends within 30 days; returns the new credentials, or null when not due.</summary>
    public async Task<TerminalCredentials?> RenewIfDueAsync(TerminalCredentials current, IEnrolmentClient client, CancellationToken cancellationToken)
    {
        if (!current.IsRenewalDue(time.GetUtcNow()) || current.IsExpired(time.GetUtcNow())) return null;
        using var key = store.NewKey(out var storedName);
        var answer = await client.RenewAsync(new RenewRequest { Csr = ByteString.CopyFrom(TerminalCredentialStore.CreateCsr(key)) }, cancellationToken);
        var ca = answer.ServerCaCertificate.IsEmpty ? current.GatewayCa.RawData : answer.ServerCaCertificate.ToByteArray();
        return store.Save(answer.TerminalId == 0 ? current.TerminalId : answer.TerminalId, key, storedName, answer.Certificate.ToByteArray(), ca);
    }
}
