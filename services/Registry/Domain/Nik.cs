using Bansos.Registry.Domain.Areas;

namespace Bansos.Registry.Domain;

/// <summary>
/// Nomor Induk Kependudukan: 16 digits — district (6), birth date DDMMYY with 40 added to DD for
/// women (6), serial (4, not 0000).
/// </summary>
/// <remarks>
/// <see cref="ToString"/> masks the number (<c>170312**********</c>) so that a NIK that slips into a
/// log line or an exception message is not exposed; use <see cref="Value"/> to store or compare it.
/// </remarks>
public readonly struct Nik : IEquatable<Nik>
{
    /// <summary>The oldest age a NIK's two-digit year may resolve to.</summary>
    public const int MaxAge = 120;

    private Nik(string value) => Value = value;

    public string Value { get; }

    /// <summary>The sex the NIK encodes (day above 40: female).</summary>
    public Sex Sex => Digits.Two(Value, 6) > 40 ? Sex.Female : Sex.Male;

    /// <summary>The district in the six-digit form, e.g. <c>170312</c>.</summary>
    public string DistrictDigits => Value[..6];

    public string Masked => Mask(Value);

    /// <summary>
    /// Validates a NIK on its own: 16 digits, a district that exists, a real encoded birth date whose
    /// century gives a date not after <paramref name="today"/> and an age of at most <see cref="MaxAge"/>,
    /// a serial other than 0000. Surrounding blanks are ignored.
    /// </summary>
    public static Validated<Nik> Parse(string? text, AreaReference areas, DateOnly today, string field = "nik")
    {
        ArgumentNullException.ThrowIfNull(areas);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<Nik>.Invalid(DomainErrors.Required(field, "NIK"));
        }

        var s = text.Trim();
        var errors = new ErrorList();
        if (!Digits.AreAll(s))
        {
            errors.Add(DomainErrors.NikDigits(field));
        }

        if (s.Length != 16)
        {
            errors.Add(DomainErrors.NikLength(field));
        }

        if (errors.Count > 0)
        {
            return Validated<Nik>.Invalid(errors.Result);
        }

        if (!areas.HasDistrict(s.AsSpan(0, 6)))
        {
            errors.Add(DomainErrors.DistrictUnknown(field, "NIK", s[..6]));
        }

        var birthDate = DecodeBirthDate(s.AsSpan(6, 6), today);
        if (birthDate is null)
        {
            errors.Add(DomainErrors.NikBirthDateInvalid(field));
        }

        if (s.AsSpan(12, 4) is "0000")
        {
            errors.Add(DomainErrors.SerialZero(field, "NIK"));
        }

        return errors.Count > 0
            ? Validated<Nik>.Invalid(errors.Result)
            : Validated<Nik>.Valid(new Nik(s));
    }

    /// <summary>
    /// Validates a NIK together with the sex and birth date stated beside it (a row, a request):
    /// everything <see cref="Parse"/> checks, plus agreement with both.
    /// </summary>
    public static Validated<Nik> ParseFor(
        string? text, Sex sex, DateOnly birthDate, AreaReference areas, DateOnly today, string field = "nik")
    {
        var parsed = Parse(text, areas, today, field);
        if (!parsed.IsValid)
        {
            return parsed;
        }

        var errors = parsed.Value.CheckAgainst(sex, birthDate, field);
        return errors.Count == 0 ? parsed : Validated<Nik>.Invalid(errors);
    }

    /// <summary>The disagreements between this NIK and a stated sex and birth date (empty when they agree).</summary>
    public IReadOnlyList<ValidationError> CheckAgainst(Sex sex, DateOnly birthDate, string field = "nik")
    {
        var errors = new ErrorList();
        if (sex != Sex)
        {
            errors.Add(DomainErrors.NikSexMismatch(field));
        }

        // The NIK holds only two digits of the year: it agrees with any date of the same day, month and
        // year-in-century. Whether that date is plausible (not in the future, age ≤ 120) is the birth
        // date's own check.
        if (birthDate.Day != Digits.Two(Value, 6) % 40 || birthDate.Month != Digits.Two(Value, 8)
            || birthDate.Year % 100 != Digits.Two(Value, 10))
        {
            errors.Add(DomainErrors.NikBirthDateMismatch(field));
        }

        return errors.Result;
    }

    /// <summary>
    /// A NIK read back from storage, where it was validated when written: no reference lookup, only
    /// the shape is checked.
    /// </summary>
    public static Nik FromStored(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 16 || !Digits.AreAll(value))
        {
            throw new ArgumentException("A stored NIK has 16 digits.", nameof(value));
        }

        return new Nik(value);
    }

    /// <summary>
    /// The birth date the NIK encodes when no other date is known: of the centuries that make a real
    /// date not after <paramref name="today"/> with an age of at most <see cref="MaxAge"/>, the latest.
    /// </summary>
    public DateOnly? DecodeBirthDate(DateOnly today) => DecodeBirthDate(Value.AsSpan(6, 6), today);

    /// <summary>A NIK as a number, for compact sets of millions of NIKs during an import.</summary>
    public long ToInt64() => Digits.ToInt64(Value);

    /// <summary>Masks all but the district: <c>170312**********</c>.</summary>
    public static string Mask(string? nikOrKk) =>
        nikOrKk is { Length: > 6 } ? string.Concat(nikOrKk.AsSpan(0, 6), new string('*', nikOrKk.Length - 6)) : "****";

    /// <summary>
    /// DDMMYY (DD + 40 for women) → a date. Of the centuries that make a real date, the latest one
    /// not after <paramref name="today"/> with an age of at most <see cref="MaxAge"/> wins.
    /// </summary>
    internal static DateOnly? DecodeBirthDate(ReadOnlySpan<char> ddmmyy, DateOnly today)
    {
        var day = Digits.Two(ddmmyy, 0);
        var month = Digits.Two(ddmmyy, 2);
        var yy = Digits.Two(ddmmyy, 4);
        if (day > 40)
        {
            day -= 40;
        }

        if (day is < 1 or > 31 || month is < 1 or > 12)
        {
            return null;
        }

        var oldest = today.AddYears(-MaxAge);
        for (var century = today.Year / 100 * 100; century >= oldest.Year / 100 * 100; century -= 100)
        {
            var year = century + yy;
            if (year < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var date = new DateOnly(year, month, day);
            if (date <= today && date >= oldest)
            {
                return date;
            }
        }

        return null;
    }

    public bool Equals(Nik other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Nik other && Equals(other);

    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    public static bool operator ==(Nik left, Nik right) => left.Equals(right);

    public static bool operator !=(Nik left, Nik right) => !left.Equals(right);

    public override string ToString() => Masked;
}
