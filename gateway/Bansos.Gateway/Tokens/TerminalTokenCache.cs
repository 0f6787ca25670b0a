using System.Collections.Concurrent;

namespace Bansos.Gateway.Tokens;

/// <summary>
/// One terminal token per terminal, reused until a minute before it expires: signing per call
/// would cost more than the proxying.
/// </summary>
public sealed class TerminalTokenCache(GatewayTokenIssuer issuer, TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, IssuedToken> tokens = new();

    public string For(long terminalId)
    {
        var now = time.GetUtcNow();
        if (tokens.TryGetValue(terminalId, out var cached) && cached.ExpiresAt - now > RenewBefore)
        {
            return cached.Token;
        }

        var fresh = issuer.IssueTerminal(terminalId);
        tokens[terminalId] = fresh;
        return fresh.Token;
    }
}
