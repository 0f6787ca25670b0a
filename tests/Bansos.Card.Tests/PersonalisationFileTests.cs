namespace Bansos.Card.Tests;

/// <summary>The card tools' one input format: checked field by field, errors that name the field and never echo its value.</summary>
public sealed class PersonalisationFileTests
{
    private const string Valid = """
        { "cardNumber": "9900170000000011", "householdReference": "KPM-1703122003-0001", "holderName": "Siti Aminah",
          "expiry": "2026-12-31", "pin": "123456", "cardKey": "C29AE25AD048756A4198E09E0FBD33E2" }
        """;

    [Fact]
    public void A_record_reads_every_field_and_builds_the_card_data_with_its_key()
    {
        var record = PersonalisationFile.Parse(Valid, "kpm.json");
        var data = record.WithCardKey(Convert.FromHexString(record.OptionalText("cardKey")!));

        Assert.Equal(TestVector.Personalisation(), data);
        Assert.Null(record.OptionalText("imk"));
    }

    [Fact]
    public void The_expiry_may_be_YYMMDD_and_the_record_may_come_on_stdin()
    {
        var record = PersonalisationFile.Read("-", new StringReader(Valid.Replace("2026-12-31", "261231", StringComparison.Ordinal)));

        Assert.Equal(new DateOnly(2026, 12, 31), record.Expiry);
    }

    [Theory]
    [InlineData("9900170000000012", "cardNumber")] // wrong Luhn digit
    [InlineData("31-12-2026", "expiry")]
    public void A_malformed_field_is_named_and_its_value_is_not_repeated(string value, string field)
    {
        var json = field == "cardNumber" ? Valid.Replace("9900170000000011", value, StringComparison.Ordinal) : Valid.Replace("2026-12-31", value, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => PersonalisationFile.Parse(json, "kpm.json"));

        Assert.StartsWith("kpm.json: " + field, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => PersonalisationFile.Parse(Valid.Replace("\"pin\": \"123456\",", "", StringComparison.Ordinal), "stdin"));

        Assert.Contains("field \"pin\" must be a non-empty string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PIN_the_profile_refuses_is_refused_before_any_card_data_exists_without_repeating_it()
    {
        var error = Assert.Throws<InvalidDataException>(() => PersonalisationFile.Parse(Valid.Replace("123456", "12345", StringComparison.Ordinal), "stdin"));

        Assert.Contains("PIN harus 6 angka", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Anything_but_a_JSON_object_is_refused(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => PersonalisationFile.Parse(json, "kpm.json"));

        Assert.StartsWith("kpm.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "bansos-no-record-" + Guid.NewGuid().ToString("N") + ".json");

        var error = Assert.Throws<InvalidDataException>(() => PersonalisationFile.Read(path, TextReader.Null));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
