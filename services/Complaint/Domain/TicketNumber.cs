using System.Globalization;

namespace Bansos.Complaint.Domain;

/// <summary>
/// The ticket number people read and quote: <c>ADU-2026-000123</c> — the WIB year of filing and a
/// six-digit sequence that starts at 1 each year and has no gaps (docs/complaint.md).
/// </summary>
public readonly record struct TicketNumber(int Year, long Sequence)
{
    public const string Prefix = "ADU";

    /// <summary>The year a ticket filed at <paramref name="filedAt"/> is numbered in.</summary>
    public static int YearOf(DateTimeOffset filedAt) => Wib.DateOf(filedAt).Year;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Sequence:D6}");
}
