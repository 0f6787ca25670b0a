using System.Text;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Areas;
using Bansos.Registry.Domain.Import;
using Bansos.Registry.Domain.Pilot;

namespace Bansos.Registry.Tests.Domain;

public sealed class PilotDataGeneratorTests
{
    private static string PilotFile => Path.Combine(AppContext.BaseDirectory, PilotDataGenerator.PilotFileRelativePath);

    private static string Render(IEnumerable<ImportRow> rows)
    {
        var writer = new StringWriter { NewLine = "\n" };
        PilotDataGenerator.WriteCsv(writer, rows);
        return writer.ToString();
    }

    [Fact]
    public void Regenerating_gives_the_committed_file_byte_for_byte()
    {
        var committed = File.ReadAllBytes(PilotFile);
        var regenerated = new UTF8Encoding(false).GetBytes(Render(PilotDataGenerator.GeneratePilot()));
        Assert.True(committed.AsSpan().SequenceEqual(regenerated),
            "services/Registry/Seed/pilot-households.csv differs from PilotDataGenerator.GeneratePilot(): regenerate it");
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        Assert.Equal(Render(PilotDataGenerator.GeneratePilot(5)), Render(PilotDataGenerator.GeneratePilot(5)));
        Assert.NotEqual(Render(PilotDataGenerator.GeneratePilot(5)), Render(PilotDataGenerator.GeneratePilot(6)));
    }

    [Fact]
    public void Every_pilot_row_passes_validation_and_village_counts_are_exact()
    {
        using var reader = new StreamReader(PilotFile);
        var items = HouseholdImport.Read(reader, TestData.Areas, DateOnly.FromDateTime(DateTime.UtcNow)).ToList();

        Assert.Empty(items.OfType<RejectedRow>());
        Assert.Empty(items.OfType<ImportFileError>());
        var drafts = items.OfType<HouseholdDraft>().ToList();
        Assert.Equal(707, drafts.Count);
        var byVillage = drafts.GroupBy(d => d.Details.Address.Village.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(176, byVillage["17.03.12.2001"]); // Urai
        Assert.Equal(175, byVillage["17.03.12.2003"]); // Giri Kencana
        Assert.Equal(178, byVillage["17.03.14.2017"]); // Air Petai
        Assert.Equal(178, byVillage["17.03.14.2013"]); // Air Muring
        Assert.Equal(4, byVillage.Count);
        Assert.Equal(351, drafts.Count(d => d.Details.Address.Village.DistrictCode == "17.03.12")); // Ketahun
        Assert.Equal(356, drafts.Count(d => d.Details.Address.Village.DistrictCode == "17.03.14")); // Putri Hijau

        var people = drafts.SelectMany(d => d.Details.Members.Select(m => (Draft: d, Member: m))).ToList();
        Assert.All(drafts, d => Assert.Equal(d.Details.Address.Village.DistrictDigits, d.Kk.DistrictDigits));
        Assert.All(people, p => Assert.Equal(p.Draft.Details.Address.Village.DistrictDigits, p.Member.Nik.DistrictDigits));
        Assert.Equal(people.Count, people.Select(p => p.Member.Nik.Value[12..] + p.Member.Nik.DistrictDigits).Distinct().Count());
        Assert.Equal(drafts.Count, drafts.Select(d => d.Kk.Value).Distinct().Count());

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"pilot: {drafts.Count} households, {people.Count} people, " +
            $"{drafts.Count(d => d.Details.Head!.Sex == Sex.Female)} female heads, " +
            $"{drafts.Count(d => d.Details.Programmes.Contains(Programme.Pkh))} with PKH");
    }

    [Fact]
    public void Pilot_households_look_like_Bengkulu_families()
    {
        var drafts = HouseholdImport.Read(
            new StringReader(Render(PilotDataGenerator.GeneratePilot())), TestData.Areas, DateOnly.FromDateTime(DateTime.UtcNow))
            .OfType<HouseholdDraft>().ToList();
        var heads = drafts.Select(d => d.Details.Head!).ToList();
        var femaleHeads = heads.Count(h => h.Sex == Sex.Female);
        Assert.InRange(femaleHeads, 50, 160); // mostly male heads, some female-headed households
        Assert.InRange(drafts.Count(d => d.Details.Members.Any(m => m.Relation == Relation.Istri)), 450, 650);
        Assert.InRange(drafts.Count(d => d.Details.Members.Any(m => m.Relation == Relation.OrangTua)), 20, 120);
        Assert.True(drafts.Count(d => d.Details.Desil.Value <= 4) > drafts.Count * 0.9);
        Assert.All(drafts, d => Assert.Contains(Programme.Sembako, d.Details.Programmes));
        Assert.InRange(drafts.Count(d => d.Details.Programmes.Contains(Programme.Pkh)), 50, 350);
        Assert.Contains(drafts, d => d.Details.Address.Street.StartsWith("Jl. Lintas Barat No. ", StringComparison.Ordinal));
        Assert.Contains(drafts, d => d.Details.Members.Any(m => m.Name.Contains('\'', StringComparison.Ordinal)));
    }

    [Fact]
    public void Synthetic_rows_stream_an_exact_count_across_Bengkulu_and_all_validate()
    {
        const int persons = 60_000;
        var assembler = new HouseholdAssembler(TestData.Areas, DateOnly.FromDateTime(DateTime.UtcNow));
        var rows = PilotDataGenerator.GenerateSynthetic(persons, seed: 11, TestData.Areas);
        var items = assembler.Assemble(rows).ToList();

        Assert.Empty(items.OfType<RejectedRow>());
        var drafts = items.OfType<HouseholdDraft>().ToList();
        Assert.Equal(persons, drafts.Sum(d => d.Details.Members.Count));
        Assert.Equal(persons, assembler.RowCount);
        Assert.All(drafts, d => Assert.StartsWith("17.", d.Details.Address.Village.Value, StringComparison.Ordinal));
        Assert.True(drafts.Select(d => d.Details.Address.Village.Value).Distinct().Count() > 1000);
    }

    [Fact]
    public void Synthetic_numbers_stay_unique_beyond_9999_people_in_one_district()
    {
        var oneVillage = AreaReference.Create(
        [
            new Area("17", null, "Bengkulu", AreaLevel.Province),
            new Area("17.03", "17", "Kabupaten Bengkulu Utara", AreaLevel.Regency),
            new Area("17.03.12", "17.03", "Ketahun", AreaLevel.District),
            new Area("17.03.12.2003", "17.03.12", "Giri Kencana", AreaLevel.Village),
        ]);
        var items = new HouseholdAssembler(oneVillage, DateOnly.FromDateTime(DateTime.UtcNow))
            .Assemble(PilotDataGenerator.GenerateSynthetic(35_000, seed: 3, oneVillage)).ToList();
        Assert.Empty(items.OfType<RejectedRow>()); // includes NIK_DUPLICATE_IN_FILE
        Assert.Equal(35_000, items.OfType<HouseholdDraft>().Sum(d => d.Details.Members.Count));
    }

    [Fact]
    public void Synthetic_generation_is_lazy()
    {
        // Asking for a billion people must cost nothing until rows are taken.
        var first = PilotDataGenerator.GenerateSynthetic(1_000_000_000, seed: 1, TestData.Areas).Take(10).ToList();
        Assert.Equal(10, first.Count);
        Assert.Equal(2L, first[0].Line);
    }
}
