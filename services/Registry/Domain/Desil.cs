using System.Globalization;

namespace Bansos.Registry.Domain;

/// <summary>Welfare decile 1–10 (1 = poorest tenth), from the national social-welfare data (DTKS).</summary>
public readonly record struct Desil
{
    private Desil(int value) => Value = value;

    public int Value { get; }

    public static Validated<Desil> Create(int value, string field = "desil") =>
        value is >= 1 and <= 10
            ? Validated<Desil>.Valid(new Desil(value))
            : Validated<Desil>.Invalid(DomainErrors.DesilRange(field));

    public static Validated<Desil> Parse(string? text, string field = "desil")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<Desil>.Invalid(DomainErrors.Required(field, "Desil"));
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Create(value, field)
            : Validated<Desil>.Invalid(DomainErrors.DesilRange(field));
    }

    /// <summary>A desil read back from storage.</summary>
    public static Desil FromStored(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 10);
        return new Desil(value);
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
