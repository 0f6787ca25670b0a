using Bansos.Registry.Domain.Areas;

namespace Bansos.Registry.Tests.Domain;

public sealed class AreaReferenceTests
{
    [Fact]
    public void Loads_the_shipped_reference_and_reports_its_load_time()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, AreaReference.DefaultRelativeDirectory);
        _ = AreaReference.LoadFrom(directory); // warm-up: JIT and file cache, so the second load shows steady state
        var areas = AreaReference.LoadFrom(directory);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"AreaReference: {areas.ProvinceCount} provinces, {areas.RegencyCount} regencies, {areas.DistrictCount} districts, " +
            $"{areas.VillageCount} villages loaded in {areas.LoadTime.TotalMilliseconds:F0} ms " +
            $"(first load incl. JIT: {AreaReference.LoadDefault().LoadTime.TotalMilliseconds:F0} ms)");
        Assert.Equal(38, areas.ProvinceCount);
        Assert.Equal(514, areas.RegencyCount);
        Assert.Equal(7285, areas.DistrictCount);
        Assert.Equal(83762, areas.VillageCount);
    }

    [Fact]
    public void The_ODbL_licence_and_attribution_travel_with_the_data()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, AreaReference.DefaultRelativeDirectory);
        Assert.Contains("Open Database License", File.ReadAllText(Path.Combine(directory, "LICENSE.md")), StringComparison.Ordinal);
        Assert.Contains("idn-area-data", File.ReadAllText(Path.Combine(directory, "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("170312", true)] // Ketahun
    [InlineData("170314", true)] // Putri Hijau
    [InlineData("170399", false)]
    [InlineData("999999", false)]
    [InlineData("17031", false)]
    [InlineData("17.03.", false)]
    public void Finds_districts_by_their_six_digits(string digits, bool exists) =>
        Assert.Equal(exists, TestData.Areas.HasDistrict(digits));

    [Fact]
    public void Finds_the_pilot_villages_and_their_names()
    {
        var areas = TestData.Areas;
        Assert.Equal("Urai", areas.FindVillage("17.03.12.2001")?.Name);
        Assert.Equal("Giri Kencana", areas.FindVillage("17.03.12.2003")?.Name);
        Assert.Equal("Air Muring", areas.FindVillage("17.03.14.2013")?.Name);
        Assert.Equal("Air Petai", areas.FindVillage("17.03.14.2017")?.Name);
        Assert.Equal("Ketahun", areas.FindDistrictByDigits("170312")?.Name);
        Assert.False(areas.HasVillage("17.03.12")); // a district is not a village
        Assert.False(areas.HasVillage("17.03.12.9999"));
    }

    [Fact]
    public void Lists_children_of_a_parent()
    {
        var areas = TestData.Areas;
        Assert.Contains(areas.ChildrenOf("17"), a => a.Name == "Kabupaten Bengkulu Utara" && a.Level == AreaLevel.Regency);
        Assert.Contains(areas.ChildrenOf("17.03"), a => a.Code == "17.03.14" && a.Name == "Putri Hijau");
        var ketahun = areas.ChildrenOf("17.03.12");
        Assert.All(ketahun, v => Assert.Equal("17.03.12", v.ParentCode));
        Assert.Contains(ketahun, v => v.Name == "Giri Kencana");
        Assert.Empty(areas.ChildrenOf("17.03.12.2003"));
        Assert.Empty(areas.ChildrenOf("nope"));
        Assert.Equal(1513, areas.VillagesUnder("17").Count());
    }

    [Fact]
    public void Reads_quoted_names_in_the_reference()
    {
        // villages.csv quotes names with commas and doubled quotes, e.g. "Soka""an".
        Assert.Equal("Soka\"an", TestData.Areas.FindVillage("35.13.15.2017")?.Name);
        Assert.Equal("Lubuk Pakam I,II", TestData.Areas.FindVillage("12.07.28.1007")?.Name);
    }

    [Fact]
    public void Builds_a_small_reference_in_memory_and_refuses_orphans()
    {
        var areas = AreaReference.Create(
        [
            new Area("17", null, "Bengkulu", AreaLevel.Province),
            new Area("17.03", "17", "Kabupaten Bengkulu Utara", AreaLevel.Regency),
            new Area("17.03.12", "17.03", "Ketahun", AreaLevel.District),
            new Area("17.03.12.2003", "17.03.12", "Giri Kencana", AreaLevel.Village),
        ]);
        Assert.True(areas.HasDistrict("170312"));
        Assert.True(areas.HasVillage("17.03.12.2003"));
        Assert.Throws<InvalidDataException>(() => AreaReference.Create([new Area("17.03", "17", "x", AreaLevel.Regency)]));
    }
}
