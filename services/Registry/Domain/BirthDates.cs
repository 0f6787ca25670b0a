using System.Globalization;

namespace Bansos.Registry.Domain;

/// <summary>Dates of birth: ISO <c>YYYY-MM-DD</c>, a real date, not in the future, age at most <see cref="Nik.MaxAge"/>.</summary>
public static class BirthDates
{
    public static Validated<DateOnly> Parse(string? text, DateOnly today, string field = "tanggal_lahir")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<DateOnly>.Invalid(DomainErrors.Required(field, "Tanggal lahir"));
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Check(date, today, field)
            : Validated<DateOnly>.Invalid(DomainErrors.DateFormat(field));
    }

    public static Validated<DateOnly> Check(DateOnly date, DateOnly today, string field = "tanggal_lahir")
    {
        if (date > today)
        {
            return Validated<DateOnly>.Invalid(DomainErrors.BirthDateInFuture(field));
        }

        return date < today.AddYears(-Nik.MaxAge)
            ? Validated<DateOnly>.Invalid(DomainErrors.AgeLimit(field, Nik.MaxAge))
            : Validated<DateOnly>.Valid(date);
    }

    public static string ToIso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
