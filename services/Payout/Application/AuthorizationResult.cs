using Bansos.Payout.Domain;

namespace Bansos.Payout.Application;

/// <summary>
/// The answer to an authorization: the payout, whether it answers a retry, and whether it was
/// stored (false for a request no challenge of the terminal backs: the record is the answer only).
/// </summary>
public sealed record AuthorizationResult(PayoutRecord Payout, bool Replayed, bool Stored = true);
