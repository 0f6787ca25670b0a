using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Bansos.Payout.Application;

/// <summary>
/// <c>Bansos:Pilot:*</c>: whether to seed the Bengkulu Utara pilot and the window of its period
/// (dates as <c>yyyy-MM-dd</c>), checked at start-up.
/// </summary>
public sealed class PilotSeedOptions : IValidatableObject
{
    public const string Section = "Bansos:Pilot";

    public bool Seed { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PeriodStart is { } start && PeriodEnd is { } end && end < start)
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"ends before {nameof(PeriodStart)} ({start:yyyy-MM-dd})."), [nameof(PeriodEnd)]);
        }
    }
}
