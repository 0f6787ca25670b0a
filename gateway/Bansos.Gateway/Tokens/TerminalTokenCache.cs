using System.Collections.Concurrent;
using Bansos.Gateway.Terminals;

namespace Bansos.Gateway.Tokens;

/// <summary>
/// One terminal token per terminal, reused until a minute before it expires: signing per call
/// would cost more than the proxying. A token carries the village of the terminal's distribution
/// point; one minted for another village (the terminal moved) is not reused.
/// </summary>
public sealed class TerminalTokenCache(GatewayTokenIssuer issuer, TerminalStatusMonitor terminals, TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, (string? Village, IssuedToken Token)> tokens = new();

    public string For(long terminalId)
    {
        var now = time.GetUtcNow();
        var village = terminals.VillageOf(terminalId);
        if (tokens.TryGetValue(terminalId, out var cached) && cached.Village == village && cached.Token.ExpiresAt - now > RenewBefore)
        {
            return cached.Token.Token;
        }

        var fresh = issuer.IssueTerminal(terminalId, village);
        tokens[terminalId] = (village, fresh);
        return fresh.Token;
    }
}
