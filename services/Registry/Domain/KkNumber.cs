using Bansos.Registry.Domain.Areas;

namespace Bansos.Registry.Domain;

/// <summary>
/// The family-card (Kartu Keluarga) number: 16 digits — district (6), issue date (6), serial (4,
/// not 0000). Identifies a household.
/// </summary>
/// <remarks><see cref="ToString"/> masks the number; use <see cref="Value"/> to store or compare it.</remarks>
public readonly struct KkNumber : IEquatable<KkNumber>
{
    private KkNumber(string value) => Value = value;

    public string Value { get; }

    public string DistrictDigits => Value[..6];

    public string Masked => Nik.Mask(Value);

    public static Validated<KkNumber> Parse(string? text, AreaReference areas, string field = "kk")
    {
        ArgumentNullException.ThrowIfNull(areas);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<KkNumber>.Invalid(DomainErrors.Required(field, "Nomor KK"));
        }

        var s = text.Trim();
        var errors = new ErrorList();
        if (!Digits.AreAll(s))
        {
            errors.Add(DomainErrors.KkDigits(field));
        }

        if (s.Length != 16)
        {
            errors.Add(DomainErrors.KkLength(field));
        }

        if (errors.Count > 0)
        {
            return Validated<KkNumber>.Invalid(errors.Result);
        }

        if (!areas.HasDistrict(s.AsSpan(0, 6)))
        {
            errors.Add(DomainErrors.DistrictUnknown(field, "KK", s[..6]));
        }

        if (s.AsSpan(12, 4) is "0000")
        {
            errors.Add(DomainErrors.SerialZero(field, "KK"));
        }

        return errors.Count > 0 ? Validated<KkNumber>.Invalid(errors.Result) : Validated<KkNumber>.Valid(new KkNumber(s));
    }

    /// <summary>A KK number read back from storage, where it was validated when written.</summary>
    public static KkNumber FromStored(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 16 || !Digits.AreAll(value))
        {
            throw new ArgumentException("A stored KK number has 16 digits.", nameof(value));
        }

        return new KkNumber(value);
    }

    /// <summary>A KK number as a number, for compact sets during an import.</summary>
    public long ToInt64() => Digits.ToInt64(Value);

    public bool Equals(KkNumber other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is KkNumber other && Equals(other);

    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    public static bool operator ==(KkNumber left, KkNumber right) => left.Equals(right);

    public static bool operator !=(KkNumber left, KkNumber right) => !left.Equals(right);

    public override string ToString() => Masked;
}
