using System.Collections.Frozen;

namespace Bansos.ServiceDefaults.Codes;

/// <summary>
/// The one mapping between an enum and the codes it is stored and sent as (<c>DECEASED</c>,
/// <c>ORANG_TUA</c>, <c>P</c>…), for every service. Every value has exactly one code and every
/// code one value, checked when the map is made, so a value added to the enum without a code stops
/// the service at start-up instead of being written as some other value: a catch-all
/// (<c>_ => "DUPLICATE"</c>) once would have stored an unknown removal reason as a duplicate.
/// An undefined value (a cast integer) throws. Parsing trims and ignores case, without allocating.
/// </summary>
public sealed class CodeMap<TEnum> where TEnum : struct, Enum
{
    private readonly FrozenDictionary<TEnum, string> codes;
    private readonly FrozenDictionary<string, TEnum>.AlternateLookup<ReadOnlySpan<char>> values;

    public CodeMap(params IReadOnlyList<(TEnum Value, string Code)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var name = typeof(TEnum).Name;
        var missing = Enum.GetValues<TEnum>().Except(pairs.Select(p => p.Value)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{name}: no code for {string.Join(", ", missing)}.", nameof(pairs));
        }

        if (pairs.GroupBy(p => p.Value).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{name}: {twice.Key} has more than one code.", nameof(pairs));
        }

        if (pairs.GroupBy(p => p.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } shared)
        {
            throw new ArgumentException($"{name}: code {shared.Key} names more than one value.", nameof(pairs));
        }

        if (pairs.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Code) || p.Code.Trim() != p.Code) is { Code: not null } blank)
        {
            throw new ArgumentException($"{name}: {blank.Value} has a blank or padded code.", nameof(pairs));
        }

        codes = pairs.ToFrozenDictionary(p => p.Value, p => p.Code);
        values = pairs.ToFrozenDictionary(p => p.Code, p => p.Value, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        Codes = [.. pairs.Select(p => p.Code)];
        Values = [.. pairs.Select(p => p.Value)];
    }

    /// <summary>Every code, in the order given.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Every value, in the order given.</summary>
    public IReadOnlyList<TEnum> Values { get; }

    public string ToCode(TEnum value) => codes.TryGetValue(value, out var code)
        ? code
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no value {value}.");

    /// <summary>The value a code names (trimmed, any case); false for blank or unknown text.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out TEnum value) => values.TryGetValue(text.Trim(), out value);

    /// <summary>The value a stored code names; an unknown code throws <see cref="FormatException"/> (a row this version cannot read).</summary>
    public TEnum Parse(string code) => TryParse(code, out var value)
        ? value
        : throw new FormatException($"Unknown {typeof(TEnum).Name} code '{code}'.");
}
