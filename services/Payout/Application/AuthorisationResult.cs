using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>The answer to an authorisation: the recorded payout, and whether it answers a retry.</summary>
public sealed record AuthorisationResult(PayoutRecord Payout, bool Replayed);
