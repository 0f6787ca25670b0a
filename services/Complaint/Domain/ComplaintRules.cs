using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Areas;
using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Complaint.Domain;

/// <summary>
/// What a filed complaint must satisfy, all checked at once so the caller sees every problem:
/// a village code in the Kemendagri reference, a category and channel, a description of 1 to
/// <see cref="ComplaintOptions.MaxTextLength"/> characters, ids that are UUIDs, a NIK that passes
/// the registry's rules (<see cref="Nik.Parse"/>) when one is given, a reporter name, a plausible phone.
/// Whether the household exists is the application's check (it needs the projection).
/// </summary>
public sealed class ComplaintRules(AreaReference areas, ComplaintOptions options)
{
    public const int MaxNameLength = 200;

    public (ComplaintFiling? Filing, IReadOnlyList<FieldViolation> Violations) Validate(ComplaintDraft draft, DateOnly today)
    {
        var violations = new List<FieldViolation>();

        var village = VillageCode.Parse(draft.VillageCode, areas, "village_code");
        AddAll(violations, village.Errors);

        if (draft.Category is not { } category || !Enum.IsDefined(category))
        {
            violations.Add(new FieldViolation("category", ComplaintMessages.CategoryUnknown));
            category = default;
        }

        if (draft.Channel is not { } channel || !Enum.IsDefined(channel) || channel == ComplaintChannel.Automatic)
        {
            violations.Add(new FieldViolation("channel", ComplaintMessages.ChannelUnknown));
            channel = default;
        }

        var description = Text(draft.Description, "description", "Uraian pengaduan", violations);
        var householdId = OptionalId(draft.HouseholdId, "household_id", violations);
        var payoutId = OptionalId(draft.PayoutId, "payout_id", violations);

        string? nik = null;
        if (!string.IsNullOrWhiteSpace(draft.Nik))
        {
            var parsed = Nik.Parse(draft.Nik, areas, today, "nik");
            AddAll(violations, parsed.Errors);
            nik = parsed.IsValid ? parsed.Value.Value : null;
        }

        var name = draft.ReporterName?.Trim() ?? "";
        if (name.Length == 0)
        {
            violations.Add(new FieldViolation("reporter_name", ComplaintMessages.Required("Nama pelapor")));
        }
        else if (name.Length > MaxNameLength)
        {
            violations.Add(new FieldViolation("reporter_name", ComplaintMessages.TooLong("Nama pelapor", MaxNameLength)));
        }

        var phone = NormalisePhone(draft.ReporterPhone);
        if (phone is null)
        {
            violations.Add(new FieldViolation("reporter_phone", ComplaintMessages.PhoneFormat));
        }

        if (violations.Count > 0)
        {
            return (null, violations);
        }

        return (new ComplaintFiling(village.Value.Value, category, description!, channel, householdId, payoutId, nik, name, phone!), []);
    }

    /// <summary>A note, resolution or reason: required, trimmed, at most <see cref="ComplaintOptions.MaxTextLength"/> characters.</summary>
    public string RequireText(string? text, string field, string label)
    {
        var violations = new List<FieldViolation>();
        var value = Text(text, field, label, violations);
        return violations.Count == 0 ? value! : throw new ValidationException(violations);
    }

    /// <summary>Digits with an optional leading +, spaces and dashes dropped; 8–15 digits. Empty stays empty (people without a phone complain too).</summary>
    internal static string? NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }

        var compact = phone.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var digits = compact.StartsWith('+') ? compact[1..] : compact;
        return digits.Length is >= 8 and <= 15 && digits.All(char.IsAsciiDigit) ? compact : null;
    }

    private string? Text(string? text, string field, string label, List<FieldViolation> violations)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            violations.Add(new FieldViolation(field, ComplaintMessages.Required(label)));
            return null;
        }

        if (value.Length > options.MaxTextLength)
        {
            violations.Add(new FieldViolation(field, ComplaintMessages.TooLong(label, options.MaxTextLength)));
            return null;
        }

        return value;
    }

    private static Guid? OptionalId(string? text, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        violations.Add(new FieldViolation(field, ComplaintMessages.IdFormat));
        return null;
    }

    private static void AddAll(List<FieldViolation> violations, IReadOnlyList<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            violations.Add(new FieldViolation(error.Field, error.Message));
        }
    }
}
