using Bansos.Agent.Tests.Support;

namespace Bansos.Agent.Tests.Unit;

/// <summary>The JSON mode's answers and exit codes where no card or service is involved.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task A_mistake_on_the_command_line_is_exit_code_2_in_plain_words()
    {
        var result = await AgentRun.RunAsync("", "", null, "pay", "--json", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("BadCommandLine", result.Json.GetProperty("messageId").GetString());
        Assert.StartsWith("Perintah tidak lengkap atau salah", result.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Not_enrolled_is_exit_code_7_with_the_next_step()
    {
        var result = await AgentRun.RunAsync("", "", null, "pay", "--json", "--data", data.Path);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("Agen ini belum didaftarkan. Jalankan 'bansos-agent enroll' dengan kode dari admin.", result.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_plain_address_without_a_token_says_where_the_token_goes()
    {
        var result = await AgentRun.RunAsync("", "", null, "today", "--json", "--lang", "en", "--data", data.Path, "--gateway", "http://127.0.0.1:5102");

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("BANSOS_AGENT_TOKEN", result.Json.GetProperty("message").GetString());
        Assert.StartsWith("Address", result.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_amount_that_is_not_rupiah_is_refused_before_anything_else()
    {
        var result = await AgentRun.RunAsync("", "", null, "pay", "--json", "--data", data.Path, "--amount", "150,5");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("AmountInvalid", result.Json.GetProperty("messageId").GetString());
    }
}
