using System.Buffers;

namespace Bansos.Registry.Domain;

/// <summary>Shared helpers for the digit strings the registry is full of.</summary>
internal static class Digits
{
    public static readonly SearchValues<char> All = SearchValues.Create("0123456789");

    public static bool AreAll(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(All);

    public static int Two(ReadOnlySpan<char> text, int at) => ((text[at] - '0') * 10) + (text[at + 1] - '0');

    public static long ToInt64(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
