using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Payout.Domain;

/// <summary>
/// docs/architecture.md §3: an approved payout can be reversed by the terminal that made it, on the same
/// business day (WIB), with a reason, once.
/// </summary>
public static class ReversalRules
{
    public const int MinReasonLength = 3;
    public const int MaxReasonLength = 200;

    /// <summary>Throws the exception the caller should see when the reversal is not allowed.</summary>
    public static void EnsureAllowed(PayoutRecord payout, long callerTerminalId, DateTimeOffset now)
    {
        if (payout.TerminalId != callerTerminalId)
        {
            // Same answer as "not found": a terminal learns nothing about other terminals' payouts.
            throw new NotFoundException("Transaksi tidak ditemukan di terminal ini (payout not found on this terminal).");
        }

        if (!payout.Approved)
        {
            throw new ConflictException("Transaksi yang ditolak tidak bisa dibatalkan (a declined payout cannot be reversed).");
        }

        if (payout.ReversedAt is not null)
        {
            throw new ConflictException("Transaksi sudah dibatalkan (payout already reversed).");
        }

        if (BusinessCalendar.BusinessDate(now) != payout.BusinessDate)
        {
            throw new ConflictException(
                "Pembatalan hanya pada hari yang sama (WIB) (a payout can only be reversed on its own business day).");
        }
    }
}
