using System.Diagnostics;
using Bansos.Agent.Tests.Support;
using Bansos.VirtualCard.Applet;

namespace Bansos.Agent.Tests.Stack;

/// <summary>
/// <c>bansos-pcsc personalise</c> without the issuer key: a blank virtual card in the reader gets
/// K_card from the payout service's IssuerKeyService (admin token from the environment), and the
/// agent then pays from it — so the key the tool wrote is the one the service verifies with.
/// </summary>
public sealed class PersonaliseThroughPayoutTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private readonly VirtualReader reader = new();
    private LoopbackPayout payout = null!;

    public async ValueTask InitializeAsync()
    {
        VirtualReader.Require();
        payout = await LoopbackPayout.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        if (payout is not null) await payout.DisposeAsync();
        folder.Dispose();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_blank_card_personalised_from_the_payout_service_pays()
    {
        var cardFile = Path.Combine(folder.Path, "card.json");
        var number = await payout.RegisterCardAsync();
        new JsonFileCardStateStore(cardFile).Save(CardState.Blank);
        await reader.InsertAsync(cardFile);

        var (code, output, error) = await ToolAsync(Bansos.Testing.TestTokens.Admin(), Record(number.Digits, "BUDI SANTOSO", "654321"),
            ["personalise", "--reader", VirtualReader.Name, "--from", "-", "--payout", payout.Address.ToString()], TestContext.Current.CancellationToken);
        Assert.True(code == 0, error);
        Assert.Contains($"Kartu {number.ToMaskedString()} dipersonalisasi", output);

        var paid = await AgentRun.RunAsync(payout.TerminalToken, "654321\n", null,
            "pay", "--json", "--data", Path.Combine(folder.Path, "agent"), "--gateway", payout.Address.ToString(), "--reader", VirtualReader.Name, "--wait", "10");
        Assert.Equal(0, paid.ExitCode);
        Assert.Equal(200_000, paid.Json.GetProperty("amount").GetInt64());
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_an_admin_token_nothing_is_written()
    {
        var cardFile = Path.Combine(folder.Path, "card.json");
        new JsonFileCardStateStore(cardFile).Save(CardState.Blank);
        await reader.InsertAsync(cardFile);

        var (code, _, error) = await ToolAsync(null, Record("9900170000000011", "X", "123456"),
            ["personalise", "--reader", VirtualReader.Name, "--from", "-", "--payout", payout.Address.ToString()], TestContext.Current.CancellationToken);

        Assert.Equal(2, code);
        Assert.Contains("BANSOS_ADMIN_TOKEN", error);
        await reader.RemoveAsync();
        Assert.False(new JsonFileCardStateStore(cardFile).Load()!.Locked);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bad_record_is_refused_by_its_field_without_echoing_it_and_nothing_is_written()
    {
        var cardFile = Path.Combine(folder.Path, "card.json");
        new JsonFileCardStateStore(cardFile).Save(CardState.Blank);
        await reader.InsertAsync(cardFile);
        var recordFile = Path.Combine(folder.Path, "record.json");

        // A card number with a wrong Luhn digit, from a file; a PIN of five digits, on stdin.
        await File.WriteAllTextAsync(recordFile, Record("9900170000000012", "SITI AMINAH", "123456"), TestContext.Current.CancellationToken);
        var badNumber = await ToolAsync(Bansos.Testing.TestTokens.Admin(), "",
            ["personalise", "--reader", VirtualReader.Name, "--from", recordFile, "--payout", payout.Address.ToString()], TestContext.Current.CancellationToken);
        var badPin = await ToolAsync(Bansos.Testing.TestTokens.Admin(), Record("9900170000000011", "SITI AMINAH", "12345"),
            ["personalise", "--reader", VirtualReader.Name, "--from", "-", "--payout", payout.Address.ToString()], TestContext.Current.CancellationToken);

        Assert.Equal(2, badNumber.Code);
        Assert.Contains("cardNumber", badNumber.Error);
        Assert.DoesNotContain("9900170000000012", badNumber.Error);
        Assert.Equal(2, badPin.Code);
        Assert.Contains("PIN harus 6 angka", badPin.Error);
        Assert.DoesNotContain("12345", badPin.Error);
        Assert.DoesNotContain("SITI", badNumber.Error + badPin.Error);
        await reader.RemoveAsync();
        Assert.False(new JsonFileCardStateStore(cardFile).Load()!.Locked);
    }

    /// <summary>The card's record as <c>bansos-pcsc personalise --from</c> reads it.</summary>
    private static string Record(string cardNumber, string holder, string pin) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["cardNumber"] = cardNumber,
        ["householdReference"] = "KPM-TEST-0002",
        ["holderName"] = holder,
        ["expiry"] = "301231",
        ["pin"] = pin,
    });

    private static async Task<(int Code, string Output, string Error)> ToolAsync(string? token, string input, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bansos-pcsc.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("BANSOS_ADMIN_TOKEN_FILE");
        if (token is null) start.Environment.Remove("BANSOS_ADMIN_TOKEN");
        else start.Environment["BANSOS_ADMIN_TOKEN"] = token;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
