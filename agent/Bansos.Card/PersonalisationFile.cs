using System.Globalization;
using System.Text.Json;

namespace Bansos.Card;

/// <summary>
/// A card's personalisation record as JSON, the one input format of both card tools
/// (<c>bansos-vcard personalise --from</c>, <c>bansos-pcsc personalise --from</c>):
/// <c>{ "cardNumber", "householdReference", "holderName", "expiry": "YYYY-MM-DD" or "YYMMDD", "pin" }</c>,
/// plus whatever key field a tool reads with <see cref="OptionalText"/>. A card number, a name and a
/// PIN are personal data and a secret: they travel in a file or on standard input, never in a
/// process's arguments, where every local user can read them. Errors name the source and the
/// field, never the value.
/// </summary>
public sealed class PersonalisationFile
{
    private readonly JsonElement root;
    private readonly string source;

    private PersonalisationFile(JsonElement root, string source)
    {
        this.root = root;
        this.source = source;
        CardNumber = CardNumber.TryParse(Text("cardNumber"), out var number)
            ? number
            : throw Invalid("cardNumber harus 16 angka dengan digit Luhn benar (must be 16 digits with a valid Luhn digit).");
        HouseholdReference = Text("householdReference");
        HolderName = Text("holderName");
        Expiry = ParseExpiry(Text("expiry")) ?? throw Invalid("expiry harus YYYY-MM-DD atau YYMMDD (must be YYYY-MM-DD or YYMMDD).");
        Pin = Text("pin");
        try
        {
            // The profile's limits now, before any key is asked for (a K_card request is audited).
            PersonalisationData.CheckFields(CardNumber, HouseholdReference, HolderName, Expiry, Pin);
        }
        catch (ArgumentException e)
        {
            throw Invalid(e.Message);
        }
    }

    public CardNumber CardNumber { get; }

    public string HouseholdReference { get; }

    public string HolderName { get; }

    public DateOnly Expiry { get; }

    public string Pin { get; }

    /// <summary>Reads the record from <paramref name="path"/>, or from standard input when it is <c>-</c>.</summary>
    /// <exception cref="InvalidDataException">The file is missing, not JSON, or a field is missing, malformed or beyond the profile's limits.</exception>
    public static PersonalisationFile Read(string path, TextReader standardInput)
    {
        if (path == "-") return Parse(standardInput.ReadToEnd(), "stdin");
        if (!File.Exists(path)) throw new InvalidDataException($"Berkas JSON tidak ada (JSON file not found): {path}");
        return Parse(File.ReadAllText(path), path);
    }

    /// <exception cref="InvalidDataException">Not JSON, or a field is missing, malformed or beyond the profile's limits.</exception>
    public static PersonalisationFile Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: harus berupa objek JSON (must be a JSON object).");
            return new PersonalisationFile(document.RootElement.Clone(), source);
        }
        catch (JsonException e)
        {
            // The parser's message gives the position, and at most the one character it stopped at.
            throw new InvalidDataException($"{source} bukan JSON yang sah (is not valid JSON): {e.Message}", e);
        }
    }

    /// <summary>A string field the tool reads itself (e.g. <c>cardKey</c>), or null when absent.</summary>
    public string? OptionalText(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The record, checked when it was read, with <paramref name="cardKey"/>.</summary>
    /// <exception cref="ArgumentException">The key is not 16 bytes.</exception>
    public PersonalisationData WithCardKey(ReadOnlySpan<byte> cardKey) =>
        new(CardNumber, HouseholdReference, HolderName, Expiry, cardKey, Pin);

    public InvalidDataException Invalid(string message) => new($"{source}: {message}");

    private string Text(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid($"kolom \"{name}\" wajib diisi teks (field \"{name}\" must be a non-empty string).");

    private static DateOnly? ParseExpiry(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso
        : text.Length == 6 && DateOnly.TryParseExact("20" + text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var yymmdd) ? yymmdd
        : null;
}
