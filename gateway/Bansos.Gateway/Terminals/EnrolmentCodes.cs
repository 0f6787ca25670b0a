using Bansos.Gateway.Data;
using Bansos.Gateway.Users;
using Bansos.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Bansos.Gateway.Terminals;

/// <summary>An admin's one-time code for a registered terminal (24 h, single use, stored hashed).</summary>
public sealed class EnrolmentCodes(EnrolmentCodeStore store, TerminalStatusMonitor terminals, IOptions<GatewayOptions> options, TimeProvider time)
{
    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(string actor, long terminalId, CancellationToken ct)
    {
        var status = await terminals.RefreshAndGetAsync(terminalId, ct);
        if (status is null)
        {
            throw new NotFoundException($"Terminal {terminalId} tidak terdaftar di payout (not registered in payout).");
        }

        if (status == TerminalState.Disabled)
        {
            throw new ConflictException($"Terminal {terminalId} dinonaktifkan (disabled): aktifkan dulu (enable it first).");
        }

        var code = Secrets.NewCode(4);
        var now = time.GetUtcNow();
        var expiresAt = now + options.Value.EnrolmentCodeLifetime;
        await store.AddAsync(Secrets.Hash(code), terminalId, actor, now, expiresAt, ct);
        return (code, expiresAt);
    }

    /// <summary>The terminal the code was issued for, once; null when unknown, used or expired.</summary>
    public Task<long?> ConsumeAsync(string code, CancellationToken ct) =>
        store.ConsumeAsync(Secrets.Hash(Secrets.NormalizeCode(code)), time.GetUtcNow(), ct);
}
