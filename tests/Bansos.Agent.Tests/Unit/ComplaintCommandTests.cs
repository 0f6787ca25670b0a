using System.Text.Json;
using Bansos.Agent.Cli;
using Bansos.Agent.Tests.Support;
using Bansos.Card;
using Bansos.Protos.Complaint.V1;
using Grpc.Core;
using Spectre.Console.Testing;

namespace Bansos.Agent.Tests.Unit;

/// <summary><c>complaint</c> with an in-memory complaint service, card and payout service: JSON mode and the terminal UI.</summary>
public sealed class ComplaintCommandTests : IDisposable
{
    private const string Village = "17.03.12.2003";
    private static readonly CardNumber Number = CardNumber.Parse("9900170000000011");
    private readonly TempFolder data = new();
    private readonly FakeComplaintClient complaints = new();
    private readonly FakeTerminalClient terminal = new() { Card = Number };

    public void Dispose() => data.Dispose();

    private async Task<AgentRun.Result> RunAsync(string input, TestConsole? console, FakeCardReader? reader, params string[] args)
    {
        console ??= new TestConsole();
        var output = new StringWriter();
        var io = new AgentIo(console, output, new StringReader(input), new StringWriter())
        {
            Reader = _ => reader ?? new FakeCardReader(null),
            TerminalClient = () => terminal,
            ComplaintClient = () => complaints,
        };
        var code = await AgentCli.RunAsync(["complaint", "--data", data.Path, .. args], io, TestContext.Current.CancellationToken);
        return new AgentRun.Result(code, output.ToString(), console);
    }

    private static string Form(string category = "card", string description = "Kartu patah di dompet", string name = "Siti Aminah",
        string phone = "0812-3456-7890", string nik = "1703124708800003") =>
        JsonSerializer.Serialize(new { category, description, name, phone, nik });

    [Fact]
    public async Task Files_a_walk_in_complaint_in_the_points_village_and_shows_number_and_due_date_in_WIB()
    {
        var result = await RunAsync(Form(), null, null, "--json", "--village", Village);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("filed", json.GetProperty("outcome").GetString());
        Assert.Equal("ADU-2026-000001", json.GetProperty("number").GetString());
        Assert.Equal("03-12-2026 23:59", json.GetProperty("due").GetString());
        Assert.Equal("CARD_LOST_OR_BROKEN", json.GetProperty("category").GetString());
        Assert.Equal("Pengaduan tercatat dengan nomor ADU-2026-000001. Batas penyelesaian 03-12-2026 23:59 WIB. Berikan nomor ini kepada pelapor untuk menanyakan kelanjutannya di posko.",
            json.GetProperty("message").GetString());
        var filed = Assert.Single(complaints.Filed);
        Assert.Equal(ComplaintChannel.Agent, filed.Channel);
        Assert.Equal(ComplaintCategory.CardLostOrBroken, filed.Category);
        Assert.Equal(Village, filed.VillageCode);
        Assert.Equal("", filed.HouseholdId);
        Assert.Equal("1703124708800003", filed.Nik);
        Assert.Equal("Siti Aminah", filed.ReporterName);
        Assert.Equal("0812-3456-7890", filed.ReporterPhone);
    }

    [Fact]
    public async Task The_village_comes_from_agent_json_when_not_given()
    {
        File.WriteAllText(Path.Combine(data.Path, "agent.json"), """{ "village": "17.03.12.2001" }""");

        var result = await RunAsync(Form(), null, null, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("17.03.12.2001", Assert.Single(complaints.Filed).VillageCode);
    }

    [Fact]
    public async Task Files_for_the_household_of_the_card_in_the_reader_with_the_payout_named()
    {
        var payout = Guid.NewGuid().ToString();
        var result = await RunAsync(Form("amount", "Uang kurang Rp 50.000"), null, FakeCardReader.WithCard(Number), "--json", "--card", "--payout", payout, "--village", "17.03.14.2017");

        Assert.Equal(0, result.ExitCode);
        var filed = Assert.Single(complaints.Filed);
        Assert.Equal(terminal.HouseholdId, filed.HouseholdId);
        Assert.Equal(Village, filed.VillageCode); // the household's village, not the point's
        Assert.Equal(payout, filed.PayoutId);
        Assert.Equal(ComplaintCategory.WrongAmount, filed.Category);
        Assert.Equal("990017******0011", result.Json.GetProperty("card").GetString());
    }

    [Fact]
    public async Task Payout_last_names_todays_last_payout_of_the_card_at_hand()
    {
        var mine = Guid.NewGuid().ToString();
        terminal.Today.Add(new Protos.Payout.V1.TransactionInfo { PayoutId = Guid.NewGuid().ToString(), CardNumber = "990017******0029", Result = Protos.Payout.V1.PayoutResult.Approved });
        terminal.Today.Add(new Protos.Payout.V1.TransactionInfo { PayoutId = Guid.NewGuid().ToString(), CardNumber = "990017******0011", Result = Protos.Payout.V1.PayoutResult.Declined });
        terminal.Today.Add(new Protos.Payout.V1.TransactionInfo { PayoutId = mine, CardNumber = "990017******0011", Result = Protos.Payout.V1.PayoutResult.Approved });

        var result = await RunAsync(Form("amount"), null, FakeCardReader.WithCard(Number), "--json", "--card", "--payout", "last");
        var withoutCard = await RunAsync(Form("amount"), null, null, "--json", "--payout", "last", "--village", Village);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(mine, Assert.Single(complaints.Filed).PayoutId);
        Assert.Equal(ExitCodes.BadCommandLine, withoutCard.ExitCode);
        Assert.Equal("ComplaintPayoutInvalid", withoutCard.Json.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task A_card_the_service_says_nothing_about_is_filed_for_the_points_village_with_the_masked_card()
    {
        terminal.Balance = 0; // BeginPayout refuses: no household details
        var result = await RunAsync(Form(), null, FakeCardReader.WithCard(Number), "--json", "--card", "--village", "17.03.14.2017");

        Assert.Equal(0, result.ExitCode);
        var filed = Assert.Single(complaints.Filed);
        Assert.Equal("", filed.HouseholdId);
        Assert.Equal("17.03.14.2017", filed.VillageCode);
        Assert.EndsWith("(Kartu 990017******0011)", filed.Description);
        Assert.DoesNotContain("9900170000000011", filed.Description);
        Assert.Equal("ComplaintCardHouseholdUnknown", result.Json.GetProperty("notices")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task No_card_in_the_reader_for_a_card_complaint_is_a_plain_card_problem()
    {
        var result = await RunAsync(Form(), null, new FakeCardReader(null), "--json", "--card");

        Assert.Equal(ExitCodes.ReaderProblem, result.ExitCode);
        Assert.Equal("ComplaintNoCard", result.Json.GetProperty("messageId").GetString());
        Assert.Empty(complaints.Filed);
    }

    [Fact]
    public async Task Every_problem_of_the_form_is_told_at_once_and_nothing_is_filed()
    {
        var result = await RunAsync(Form(description: "  ", phone: "12ab", nik: "1703120000000000"), null, null, "--json", "--village", Village, "--lang", "en");

        Assert.Equal(ExitCodes.BadCommandLine, result.ExitCode);
        var json = result.Json;
        Assert.Equal("ComplaintDescriptionInvalid", json.GetProperty("messageId").GetString());
        Assert.Equal(["ComplaintPhoneInvalid", "ComplaintNikInvalid"], json.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.StartsWith("The description is required", json.GetProperty("message").GetString());
        Assert.Empty(complaints.Filed);
    }

    [Fact]
    public async Task An_unknown_category_and_input_that_is_not_a_form_are_refused()
    {
        var badCategory = await RunAsync(Form(category: "complain"), null, null, "--json", "--village", Village);
        var notJson = await RunAsync("Siti, kartu patah", null, null, "--json", "--village", Village);

        Assert.Equal("ComplaintCategoryInvalid", badCategory.Json.GetProperty("messageId").GetString());
        Assert.Equal(ExitCodes.BadCommandLine, notJson.ExitCode);
        Assert.Equal("ComplaintIncomplete", notJson.Json.GetProperty("messageId").GetString());
        Assert.Empty(complaints.Filed);
    }

    [Fact]
    public async Task Without_a_village_the_operator_is_told_where_to_set_it()
    {
        var result = await RunAsync(Form(), null, null, "--json");

        Assert.Equal(ExitCodes.BadCommandLine, result.ExitCode);
        Assert.Equal("ComplaintVillageMissing", result.Json.GetProperty("messageId").GetString());
        Assert.Contains("--village", result.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Fields_the_service_refuses_are_told_in_plain_words_not_status_names()
    {
        complaints.RefuseFields = ["village_code", "nik"];
        var result = await RunAsync(Form(), null, null, "--json", "--village", "99.99.99.9999");

        Assert.Equal(ExitCodes.BadCommandLine, result.ExitCode);
        Assert.Equal("ComplaintVillageInvalid", result.Json.GetProperty("messageId").GetString());
        Assert.Equal("ComplaintNikInvalid", result.Json.GetProperty("notices")[0].GetProperty("id").GetString());
        Assert.DoesNotContain("INVALID", result.Output);
        Assert.DoesNotContain("village_code", result.Output);
    }

    [Fact]
    public async Task A_gateway_without_the_complaint_service_is_not_available_exit_9()
    {
        complaints.FailWith = StatusCode.Unimplemented;
        var result = await RunAsync(Form(), null, null, "--json", "--village", Village);

        Assert.Equal(ExitCodes.NotAvailable, result.ExitCode);
        Assert.Equal("ComplaintNotAvailable", result.Json.GetProperty("messageId").GetString());
        Assert.DoesNotContain("UNIMPLEMENTED", result.Output);
    }

    [Fact]
    public async Task An_unreachable_service_is_a_gateway_problem_in_plain_words()
    {
        complaints.FailWith = StatusCode.Unavailable;
        var result = await RunAsync(Form(), null, null, "--json", "--village", Village);

        Assert.Equal(ExitCodes.GatewayProblem, result.ExitCode);
        Assert.Equal("GatewayUnreachable", result.Json.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task The_terminal_UI_asks_for_the_card_at_hand_the_category_and_the_form_then_shows_the_ticket()
    {
        var console = new TestConsole().Interactive().Width(120);
        console.Input.PushTextWithEnter("y");                  // for the card in the reader
        console.Input.PushKey(ConsoleKey.DownArrow);           // second category: card lost or broken
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushTextWithEnter("");                   // description: required, asked again
        console.Input.PushTextWithEnter("Kartu patah");
        console.Input.PushTextWithEnter("Siti Aminah");
        console.Input.PushTextWithEnter("12");                 // phone: too short, asked again
        console.Input.PushTextWithEnter("");
        console.Input.PushTextWithEnter("");                   // no NIK

        var result = await RunAsync("", console, FakeCardReader.WithCard(Number));

        Assert.Equal(0, result.ExitCode);
        var screen = console.Output;
        Assert.Contains("Pengaduan untuk keluarga pemilik kartu di pembaca?", screen);
        Assert.Contains("PIN lupa atau terblokir", screen);
        Assert.Contains("Nomor telepon harus 8 sampai 15 angka", screen);
        Assert.Contains("ADU-2026-000001", screen);
        Assert.Contains("03-12-2026 23:59", screen);
        Assert.Contains("Kartu hilang atau rusak", screen);
        Assert.Contains("990017******0011", screen);
        Assert.DoesNotContain("MODE PELATIHAN", screen);
        var filed = Assert.Single(complaints.Filed);
        Assert.Equal(ComplaintCategory.CardLostOrBroken, filed.Category);
        Assert.Equal(terminal.HouseholdId, filed.HouseholdId);
        Assert.Equal("Kartu patah", filed.Description);
    }

    [Fact]
    public async Task The_terminal_UI_offers_todays_payouts_of_the_card_at_hand()
    {
        var paid = Guid.NewGuid().ToString();
        terminal.Today.Add(new Protos.Payout.V1.TransactionInfo
        {
            PayoutId = paid, CardNumber = "990017******0011", Result = Protos.Payout.V1.PayoutResult.Approved, Amount = 150_000, ApprovalCode = "A1B2C3",
            At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 3, 4, 5, TimeSpan.Zero)),
        });
        var console = new TestConsole().Interactive().Width(120);
        console.Input.PushTextWithEnter("y");
        console.Input.PushKey(ConsoleKey.DownArrow);           // the payout, not "none"
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushKey(ConsoleKey.DownArrow);           // category: card
        console.Input.PushKey(ConsoleKey.DownArrow);           // category: amount
        console.Input.PushKey(ConsoleKey.Enter);
        foreach (var line in new[] { "Kurang Rp 50.000", "Siti Aminah", "", "" }) console.Input.PushTextWithEnter(line);

        var result = await RunAsync("", console, FakeCardReader.WithCard(Number));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("01-12-2026 10:04:05 WIB  Rp 150.000  A1B2C3", console.Output);
        var filed = Assert.Single(complaints.Filed);
        Assert.Equal(paid, filed.PayoutId);
        Assert.Equal(ComplaintCategory.WrongAmount, filed.Category);
    }

    [Fact]
    public async Task A_training_installation_puts_the_training_banner_on_the_complaint_screen()
    {
        File.WriteAllText(Path.Combine(data.Path, "agent.json"), """{ "training": true, "village": "17.03.12.2003" }""");
        var console = new TestConsole().Interactive().Width(120);
        console.Input.PushKey(ConsoleKey.Enter);
        foreach (var line in new[] { "Latihan", "Peserta Latihan", "", "" }) console.Input.PushTextWithEnter(line);

        var result = await RunAsync("", console, null, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("TRAINING MODE — no real money", console.Output);
        Assert.Contains("PIN forgotten or blocked", console.Output);
    }

    [Fact]
    public async Task The_settlement_of_a_training_installation_has_the_banner_and_the_training_payouts_apart()
    {
        File.WriteAllText(Path.Combine(data.Path, "agent.json"), """{ "training": true }""");
        terminal.Training = true;
        var console = new TestConsole().Width(120);
        var output = new StringWriter();
        var io = new AgentIo(console, output, new StringReader(""), new StringWriter()) { TerminalClient = () => terminal };

        var code = await AgentCli.RunAsync(["settlement", "--data", data.Path], io, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Contains("MODE PELATIHAN — tidak ada uang sungguhan", console.Output);
        Assert.Contains("Pelatihan (bukan uang sungguhan, tidak diganti)", console.Output);
        Assert.Contains("Rp 30.000", console.Output);
        Assert.Contains("Rp 250.000", console.Output);
    }
}
