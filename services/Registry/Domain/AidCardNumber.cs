using System.Globalization;

namespace Bansos.Registry.Domain;

/// <summary>
/// A 16-digit aid card number with a Luhn check digit. Numbers the registry issues are
/// <see cref="IssuerPrefix"/> + a 10-digit sequence + the check digit.
/// </summary>
public readonly record struct AidCardNumber
{
    /// <summary>The programme's issuer prefix; 99 is outside the payment-card ranges banks use.</summary>
    public const string IssuerPrefix = "99001";

    public const long MaxSequence = 9_999_999_999;

    private AidCardNumber(string value) => Value = value;

    public string Value { get; }

    public static Validated<AidCardNumber> Parse(string? text, string field = "card_number")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<AidCardNumber>.Invalid(DomainErrors.Required(field, "Nomor kartu"));
        }

        var s = text.Trim();
        var errors = new List<ValidationError>(2);
        if (!Digits.AreAll(s))
        {
            errors.Add(DomainErrors.CardNumberDigits(field));
        }

        if (s.Length != 16)
        {
            errors.Add(DomainErrors.CardNumberLength(field));
        }

        if (errors.Count > 0)
        {
            return Validated<AidCardNumber>.Invalid(errors);
        }

        return Luhn.IsValid(s)
            ? Validated<AidCardNumber>.Valid(new AidCardNumber(s))
            : Validated<AidCardNumber>.Invalid(DomainErrors.CardNumberCheckDigit(field));
    }

    /// <summary>The card number for a sequence value (1 … <see cref="MaxSequence"/>), e.g. from a database sequence.</summary>
    public static AidCardNumber FromSequence(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        var payload = IssuerPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);
        return new AidCardNumber(payload + Luhn.CheckDigit(payload));
    }

    /// <summary>A card number read back from storage, where it was validated when written.</summary>
    public static AidCardNumber FromStored(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 16 || !Luhn.IsValid(value))
        {
            throw new ArgumentException("A stored card number has 16 digits and a Luhn check digit.", nameof(value));
        }

        return new AidCardNumber(value);
    }

    /// <summary>The sequence part, when the number is one this registry issued.</summary>
    public long? Sequence => Value is not null && Value.StartsWith(IssuerPrefix, StringComparison.Ordinal)
        ? long.Parse(Value.AsSpan(IssuerPrefix.Length, 10), NumberStyles.None, CultureInfo.InvariantCulture)
        : null;

    public override string ToString() => Value ?? string.Empty;
}
