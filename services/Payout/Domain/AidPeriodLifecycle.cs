using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Payout.Domain;

/// <summary>Which status changes a period allows.</summary>
public static class AidPeriodLifecycle
{
    public static void EnsureCanOpen(AidPeriod period)
    {
        if (period.Status != AidPeriodStatus.Draft)
        {
            throw new ConflictException(
                $"Periode {period.Code} berstatus {period.Status.ToCode()}; hanya DRAFT yang bisa dibuka (only a DRAFT period can be opened).");
        }
    }

    public static void EnsureCanClose(AidPeriod period)
    {
        if (period.Status != AidPeriodStatus.Open)
        {
            throw new ConflictException(
                $"Periode {period.Code} berstatus {period.Status.ToCode()}; hanya OPEN yang bisa ditutup (only an OPEN period can be closed).");
        }
    }
}
