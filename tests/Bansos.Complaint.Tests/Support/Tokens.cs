using System.Globalization;
using Bansos.ServiceDefaults.Auth;
using Bansos.Testing;

namespace Bansos.Complaint.Tests.Support;

/// <summary>Every token the complaint tests use, made in one place (so a change in how the gateway mints them is one edit).</summary>
public static class Tokens
{
    public static string Admin() => TestTokens.Admin();

    public static string Operator(params string[] villages) => TestTokens.OperatorOf(villages, "operator-" + string.Join("-", villages));

    public static string Auditor() => TestTokens.Auditor();

    public static string Terminal(long terminalId) => TestTokens.Terminal(terminalId);

    /// <summary>A terminal token as the gateway mints it: with the village of the terminal's distribution point.</summary>
    public static string Terminal(long terminalId, string village) => TestTokens.Terminal(terminalId, village);
}
