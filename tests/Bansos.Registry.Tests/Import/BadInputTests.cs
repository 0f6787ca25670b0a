using Bansos.Registry.Tests.Support;

namespace Bansos.Registry.Tests.Import;

/// <summary>
/// Every bad input of issue 2, each its own test, through the gRPC client stream and the REST upload,
/// with and without all-or-nothing: the bad row is reported with its line and a reason, its household
/// is rejected whole, the good households of the same file are imported complete (or, all-or-nothing,
/// nothing is), and nothing else in the registry changes. The tests of this class share one registry
/// and run one at a time; each uses its own households.
/// </summary>
[Collection(RegistryHostCollection.Name)]
public sealed class BadInputTests(EmptyRegistry registry) : IClassFixture<EmptyRegistry>
{
    private static int nextFamily;

    public static TheoryData<Transport, bool> Modes => new()
    {
        { Transport.Grpc, false },
        { Transport.Grpc, true },
        { Transport.Rest, false },
        { Transport.Rest, true },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_NIK_of_15_or_17_digits_is_rejected(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next(), Next());
        var shortNik = Next();
        var longNik = Next();
        var first = scenario.Bad(shortNik.WithMember(1, shortNik.Members[1] with { Nik = shortNik.Members[1].Nik[..15] }));
        var second = scenario.Bad(longNik.WithMember(0, longNik.Members[0] with { Nik = longNik.Members[0].Nik + "1" }));
        scenario.Good(Next());

        var result = await scenario.RunAsync(registry, transport, allOrNothing,
            (first + 1, "nik", "NIK must be 16 digits"),
            (second, "nik", "NIK must be 16 digits"));

        Assert.Contains(result.RejectedRows, r => r.Line == first && r.Field == "kk" && r.Reason.Contains("household rejected", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_NIK_with_a_letter_is_rejected(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next());
        var bad = Next();
        var nik = bad.Members[2].Nik;
        var line = scenario.Bad(bad.WithMember(2, bad.Members[2] with { Nik = nik[..10] + "O" + nik[11..] }));
        scenario.Good(Next());

        await scenario.RunAsync(registry, transport, allOrNothing, (line + 2, "nik", "NIK must contain digits only"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_district_that_is_not_in_the_reference_is_rejected(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next());
        var badNik = Next();
        var badKk = Next();
        // 17.03.99 does not exist in Bengkulu Utara; 99.99.99 exists nowhere.
        var nikLine = scenario.Bad(badNik.WithMember(0, badNik.Head with { Nik = "170399" + badNik.Head.Nik[6..] }));
        var kkLine = scenario.Bad(badKk with { Kk = "999999" + badKk.Kk[6..] });
        scenario.Good(Next());

        await scenario.RunAsync(registry, transport, allOrNothing,
            (nikLine, "nik", "district code 170399 in the NIK is not in the area reference"),
            (kkLine, "kk", "district code 999999 in the KK is not in the area reference"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_31st_of_February_is_rejected_in_the_NIK_and_in_the_birth_date(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next());
        var inNik = Next();
        var inDate = Next();
        var district = TestFamilies.District(inNik.Village);
        // NIK 310285 = 31 February 1985, with a stated birth date that would otherwise agree.
        var nikLine = scenario.Bad(inNik.WithMember(2, new Person($"{district}310285{inNik.Members[2].Nik[12..]}", "Anak Februari", "ANAK", "L", "1985-02-28")));
        var dateLine = scenario.Bad(inDate.WithMember(2, inDate.Members[2] with { BirthDate = "1985-02-31" }));
        scenario.Good(Next());

        await scenario.RunAsync(registry, transport, allOrNothing,
            (nikLine + 2, "nik", "the birth date in the NIK, digits 7–12, is not a real date"),
            (dateLine + 2, "tanggal_lahir", "birth date must be a real date as YYYY-MM-DD"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_NIK_that_disagrees_with_sex_or_birth_date_is_rejected(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next());
        var sex = Next();
        var date = Next();
        // The wife's NIK says female (day + 40); the row says L. The head's NIK says another day than the row.
        var sexLine = scenario.Bad(sex.WithMember(1, sex.Members[1] with { Sex = "L", Relation = "LAINNYA" }));
        var head = date.Head;
        var dateLine = scenario.Bad(date.WithMember(0, head with { BirthDate = ShiftDay(head.BirthDate) }));
        scenario.Good(Next());

        await scenario.RunAsync(registry, transport, allOrNothing,
            (sexLine + 1, "nik", "sex does not match the NIK"),
            (dateLine, "nik", "birth date does not match the NIK"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_NIK_already_registered_in_another_household_is_rejected_and_that_household_is_untouched(Transport transport, bool allOrNothing)
    {
        var owner = Next();
        var registered = await registry.ImportAsync(Transport.Grpc, TestFamilies.Csv([owner]));
        Assert.Equal(1, registered.Ok.HouseholdsCreated);
        var ownerBefore = await registry.AsAdmin.Households.GetHouseholdAsync(
            new() { HouseholdId = (await registry.HouseholdIdAsync(owner.Kk)).ToString() }, cancellationToken: TestContext.Current.CancellationToken);

        var scenario = new ImportScenario().Good(Next());
        var claimant = Next();
        // The claimant's child carries the owner's son's NIK (same person, claimed by a second family).
        var line = scenario.Bad(claimant.WithMember(2, owner.Members[2] with { Name = "Anak Ganda" }));
        scenario.Good(Next());

        await scenario.RunAsync(registry, transport, allOrNothing,
            (line + 2, "nik", "NIK is already registered in another household"));

        var ownerAfter = await registry.AsAdmin.Households.GetHouseholdAsync(
            new() { HouseholdId = ownerBefore.HouseholdId }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ownerBefore, ownerAfter);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_NIK_twice_in_the_same_file_is_rejected_the_second_time(Transport transport, bool allOrNothing)
    {
        var first = Next();
        var scenario = new ImportScenario().Good(first);
        var second = Next();
        var line = scenario.Bad(second.WithMember(1, first.Members[1]));

        await scenario.RunAsync(registry, transport, allOrNothing,
            (line + 1, "nik", "NIK already appeared on line"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_unknown_village_code_is_rejected(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next());
        var unknown = Next();
        var malformed = Next();
        var unknownLine = scenario.Bad(unknown with { Village = "17.03.12.2999" });
        var malformedLine = scenario.Bad(malformed with { Village = "17.03.12" });
        scenario.Good(Next());

        await scenario.RunAsync(registry, transport, allOrNothing,
            (unknownLine, "kode_desa", "village code 17.03.12.2999 is not in the area reference"),
            (malformedLine, "kode_desa", "village code must look like 17.03.12.2003"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_row_of_10_000_characters_is_rejected_with_its_line_and_the_rest_goes_on(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next());
        var family = Next();
        var rows = family.Rows().ToList();
        rows[1] = Pad(rows[1], 10_000);
        var familyLine = scenario.Bad(family, rows);
        var stray = scenario.BadLine(new string('x', 10_000));
        scenario.Good(Next());

        var result = await scenario.RunAsync(registry, transport, allOrNothing,
            (familyLine + 1, "baris", "line is longer than 4096 characters"),
            (stray, "baris", "line is longer than 4096 characters"));

        Assert.All(result.RejectedRows, r => Assert.True(r.Reason.Length < 500, "a rejection does not echo the long line"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_row_with_a_broken_quote_or_the_wrong_column_count_is_rejected(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next());
        var quote = Next();
        var columns = Next();
        var quoteRows = quote.Rows().ToList();
        quoteRows[2] = quoteRows[2].Replace(quote.Members[2].Name, "\"Anak tanpa tutup", StringComparison.Ordinal);
        var columnRows = columns.Rows().ToList();
        columnRows[0] += ",EXTRA";
        var quoteLine = scenario.Bad(quote, quoteRows);
        var columnLine = scenario.Bad(columns, columnRows);
        scenario.Good(Next());

        await scenario.RunAsync(registry, transport, allOrNothing,
            (quoteLine + 2, "baris", "unterminated quote"),
            (columnLine, "baris", "row must have 12 columns, found 13"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_household_without_exactly_one_head_is_rejected(Transport transport, bool allOrNothing)
    {
        var scenario = new ImportScenario().Good(Next());
        var headless = Next();
        var line = scenario.Bad(headless.WithMember(0, headless.Head with { Relation = "LAINNYA" }));

        await scenario.RunAsync(registry, transport, allOrNothing, (line, "hubungan", "exactly one KEPALA"));
    }

    private static Family Next()
    {
        var n = Interlocked.Increment(ref nextFamily);
        return TestFamilies.Create(n, village: (n % 3) switch { 0 => TestFamilies.GiriKencana, 1 => TestFamilies.Urai, _ => TestFamilies.AirPetai });
    }

    /// <summary>The same date one day later (or earlier at a month's end), as ISO text.</summary>
    private static string ShiftDay(string iso)
    {
        var date = DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TestFamilies.Iso(date.Day < 28 ? date.AddDays(1) : date.AddDays(-1));
    }

    /// <summary>Pads a row's street so that the line is <paramref name="length"/> characters long.</summary>
    private static string Pad(string row, int length)
    {
        var fields = row.Split(',');
        fields[7] += new string('a', length - row.Length);
        var padded = string.Join(',', fields);
        Assert.Equal(length, padded.Length);
        return padded;
    }
}
