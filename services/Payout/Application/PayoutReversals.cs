using System.Text.Json;
using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Payout.Application;

/// <summary>Reversal of an approved payout: same terminal, same business day, a reason, once; the entitlement gets the amount back.</summary>
public sealed class PayoutReversals(IDbSessions sessions, PayoutStore payouts, PointStore points, IAuditTrail audit, TimeProvider time)
{
    public sealed record Result(Guid PayoutId, long Amount, long BalanceAfter, DateTimeOffset ReversedAt);

    public async Task<Result> ReverseAsync(long terminalId, string actor, string? payoutIdText, string? reasonText, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (!Guid.TryParse(payoutIdText, out var payoutId))
        {
            violations.Add(new("payout_id", "Wajib diisi: id transaksi (required: the payout id)."));
        }

        var reason = reasonText?.Trim() ?? "";
        if (reason.Length is < ReversalRules.MinReasonLength or > ReversalRules.MaxReasonLength)
        {
            violations.Add(new("reason", $"Alasan {ReversalRules.MinReasonLength} sampai {ReversalRules.MaxReasonLength} karakter (reason must be {ReversalRules.MinReasonLength} to {ReversalRules.MaxReasonLength} characters)."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        return await sessions.WriteAsync(async session =>
        {
            var now = time.GetUtcNow();
            // A disabled terminal (stolen, closed shop) must not move money back either.
            if (await points.GetTerminalAsync(session, terminalId, ct) is not { Status: TerminalStatus.Active })
            {
                throw new TerminalNotAllowedException("Terminal dinonaktifkan atau tidak terdaftar (terminal disabled or not enrolled).");
            }

            var payout = await payouts.GetAsync(session, payoutId, ct)
                ?? throw new NotFoundException("Transaksi tidak ditemukan di terminal ini (payout not found on this terminal).");
            ReversalRules.EnsureAllowed(payout, terminalId, now);
            if (!await payouts.MarkReversedAsync(session, payoutId, reason, actor, now, ct))
            {
                throw new ConflictException("Transaksi sudah dibatalkan (payout already reversed).");
            }

            var balance = await payouts.CreditAsync(session, payout.EntitlementId!.Value, payout.Amount, ct);
            session.Outbox.Enqueue(new PayoutReversed(payoutId, payout.HouseholdId!.Value, terminalId, payout.Amount, reason, now));
            await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(actor, "payout.reversed", "payout", payoutId.ToString(),
                JsonSerializer.Serialize(new { result = "APPROVED", payout.Amount, payout.ApprovalCode }),
                JsonSerializer.Serialize(new { reversed = true, reason, balanceAfter = balance })), ct);
            return new Result(payoutId, payout.Amount, balance, now);
        }, ct: ct);
    }
}
