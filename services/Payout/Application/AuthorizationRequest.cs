using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>
/// An AuthorizePayout request checked and prepared outside the database: the caller, the
/// command, the challenge its sealed id carries (null: not one of ours), whether the cryptogram
/// verified, and the fingerprint that idempotent retries are compared by.
/// </summary>
public sealed record AuthorizationRequest(
    long TerminalId,
    AuthorizeCommand Command,
    IssuedChallenge? Challenge,
    bool CryptogramValid,
    byte[] Fingerprint)
{
    public byte[] ChallengeBytes { get; } = Challenge?.Bytes.ToArray() ?? [];

    public string CardNumber => Challenge?.CardNumber.Digits ?? "";
}
