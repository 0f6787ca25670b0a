namespace Bansos.Complaint.Domain;

/// <summary>A two-way map between an enum and its stored codes; a value or code not in it throws.</summary>
internal sealed class EnumCodes<TEnum>(Dictionary<TEnum, string> codes)
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byCode = codes.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public IReadOnlyCollection<TEnum> Values => codes.Keys;

    public string Code(TEnum value) =>
        codes.TryGetValue(value, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, $"No code for {typeof(TEnum).Name}.{value}.");

    public TEnum Parse(string code) =>
        byCode.TryGetValue(code, out var value) ? value : throw new FormatException($"Unknown {typeof(TEnum).Name} code '{code}'.");
}
