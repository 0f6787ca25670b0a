using Bansos.ServiceDefaults.Codes;

namespace Bansos.Registry.Domain;

/// <summary>A code from a request, a CSV row or a database row, as a <see cref="Validated{T}"/> with the registry's errors.</summary>
public static class CodeMapParsing
{
    public static Validated<TEnum> Parse<TEnum>(this CodeMap<TEnum> map, string? text, string field, string label, Func<string, ValidationError> invalid)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Validated<TEnum>.Invalid(DomainErrors.Required(field, label));
        }

        return map.TryParse(text, out var value) ? Validated<TEnum>.Valid(value) : Validated<TEnum>.Invalid(invalid(field));
    }
}
