using System.Text.Json;
using Bansos.Contracts;
using Bansos.Payout.Data;
using Bansos.Payout.Domain;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Messaging;

namespace Bansos.Payout.Application;

/// <summary>Reversal of an approved payout: same terminal, same business day, a reason, once; the entitlement gets the amount back.</summary>
public sealed class PayoutReversals(IPayoutWriter writer, PayoutStore payouts, PointStore points, IOutbox outbox, IAuditTrail audit, TimeProvider time)
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

        return await writer.WriteAsync(async (connection, transaction, token) =>
        {
            var now = time.GetUtcNow();
            // A disabled terminal (stolen, closed shop) must not move money back either.
            if (await points.GetTerminalAsync(connection, transaction, terminalId, token) is not { Status: TerminalStatus.Active })
            {
                throw new TerminalNotAllowedException("Terminal dinonaktifkan atau tidak terdaftar (terminal disabled or not enrolled).");
            }

            var payout = await payouts.GetAsync(connection, transaction, payoutId, token)
                ?? throw new NotFoundException("Transaksi tidak ditemukan di terminal ini (payout not found on this terminal).");
            ReversalRules.EnsureAllowed(payout, terminalId, now);
            if (!await payouts.MarkReversedAsync(connection, transaction, payoutId, reason, actor, now, token))
            {
                throw new ConflictException("Transaksi sudah dibatalkan (payout already reversed).");
            }

            var balance = await payouts.CreditAsync(connection, transaction, payout.EntitlementId!.Value, payout.Amount, token);
            await outbox.EnqueueAsync(connection, transaction,
                new PayoutReversed(payoutId, payout.HouseholdId!.Value, terminalId, payout.Amount, reason, now), token);
            await audit.AppendAsync(connection, transaction, new AuditEntry(actor, "payout.reversed", "payout", payoutId.ToString(),
                JsonSerializer.Serialize(new { result = "APPROVED", payout.Amount, payout.ApprovalCode }),
                JsonSerializer.Serialize(new { reversed = true, reason, balanceAfter = balance })), token);
            return new Result(payoutId, payout.Amount, balance, now);
        }, ct);
    }
}
