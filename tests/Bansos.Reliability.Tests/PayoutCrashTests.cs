using System.Collections.Concurrent;
using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.Contracts;
using Bansos.Payout.Keys;
using Bansos.Protos.Payout.V1;
using Bansos.Reliability.Tests.Support;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bansos.Reliability.Tests;

/// <summary>
/// Issue 11, fault test 1: the payout service is killed (-9) in the middle of a stream of payouts
/// from four terminals, on SQLite and on PostgreSQL, and started again; the terminals retry what got
/// no answer with the same idempotency key, as the agent does. Then: every payout a terminal saw
/// approved is stored, exactly one PayoutAuthorized (one message id) went out for each approved
/// payout, nothing was approved twice, and no entitlement is overdrawn.
/// </summary>
public sealed class PayoutCrashTests
{
    private const long Amount = 60_000; // three fit in the pilot's Rp 200 000; the fourth is declined
    private const int CardsPerTerminal = 12;

    public static TheoryData<DbDialect> Dialects => new() { DbDialect.Sqlite, DbDialect.Postgres };

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Kill_9_during_payouts_loses_no_approval_and_approves_nothing_twice(DbDialect dialect)
    {
        await RequiresServer.RabbitMqAsync();
        await using var vhost = await SharedBroker.Ctl.CreateVirtualHostAsync("bansos-payout-crash");
        await using var pilot = await PilotSystem.CreateAsync(dialect, vhost.Uri(SharedBroker.Port));
        await pilot.StartPayoutAsync();
        await pilot.StartRegistryAsync();
        await pilot.WaitUntilAsync(pilot.PayoutHasPilotAsync, TimeSpan.FromSeconds(90), "payout received the pilot");
        await using var tap = await EventTap.BindAsync(vhost.Uri(SharedBroker.Port), typeof(PayoutAuthorized));

        var keys = new FileIssuerKeyStore(pilot.IssuerKeyFile, NullLogger<FileIssuerKeyStore>.Instance);
        var periodId = (uint)await PilotSystem.ScalarAsync(pilot.PayoutDb, "SELECT MAX(id) FROM aid_periods");
        var terminals = await PilotSystem.QueryAsync<(long Id, string Village)>(pilot.PayoutDb,
            "SELECT t.id, p.village_code FROM terminals t JOIN distribution_points p ON p.id = t.point_id ORDER BY t.id");
        var cards = await PilotSystem.QueryAsync<(string Number, string Village)>(pilot.PayoutDb,
            "SELECT c.card_number, h.village_code FROM cards c JOIN households h ON h.id = c.household_id WHERE c.status = 'ACTIVE' AND h.status = 'ACTIVE' ORDER BY c.card_number");

        var approved = new ConcurrentDictionary<string, string>(); // payout id → idempotency key, as terminals saw them
        var unanswered = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var workers = terminals.Select(terminal => Task.Run(() => PayAsync(
            pilot, terminal.Id, periodId,
            [.. cards.Where(c => c.Village == terminal.Village).Take(CardsPerTerminal).Select(c => new TestCard(CardNumber.Parse(c.Number), keys))],
            approved, unanswered, stop.Token))).ToList();

        await pilot.WaitUntilAsync(() => Task.FromResult(approved.Count >= 30), TimeSpan.FromSeconds(60), "30 payouts approved before the crash");
        pilot.Payout!.Kill();
        var approvedBeforeCrash = approved.Count;
        await Task.Delay(TimeSpan.FromSeconds(1)); // terminals meet a dead service
        await pilot.Payout.StartAgainAsync();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(120)); // every card drawn to its limit (or declined)
        Figures.Record($"payout kill -9 ({dialect}): {approvedBeforeCrash} approved before the kill, {approved.Count} in all, {unanswered.Count} requests unanswered then retried");

        await pilot.WaitUntilAsync(async () =>
                await PilotSystem.ScalarAsync(pilot.PayoutDb, "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL") == 0,
            TimeSpan.FromSeconds(60), "payout's outbox is empty after the restart");

        // Every approval a terminal saw is stored as approved.
        var stored = (await PilotSystem.QueryAsync<(string Id, string Result, string Key)>(pilot.PayoutDb,
                "SELECT CAST(id AS TEXT), result, idempotency_key FROM payouts"))
            .ToDictionary(p => p.Id.ToLowerInvariant());
        Assert.All(approved, seen => Assert.Equal("APPROVED", stored[seen.Key.ToLowerInvariant()].Result));
        var storedApproved = stored.Values.Where(p => p.Result == "APPROVED").ToList();
        Assert.True(storedApproved.Count >= approved.Count);

        // Nothing approved twice: one approved payout per request (idempotency key), and every request a terminal retried answered the same payout.
        Assert.Equal(storedApproved.Count, storedApproved.Select(p => p.Key).Distinct().Count());
        Assert.Equal(0, await PilotSystem.ScalarAsync(pilot.PayoutDb,
            "SELECT COUNT(*) FROM (SELECT challenge FROM payouts WHERE result = 'APPROVED' GROUP BY challenge HAVING COUNT(*) > 1) twice"));

        // No entitlement overdrawn: balance never below zero and equal to the amount minus what was approved.
        Assert.Equal(0, await PilotSystem.ScalarAsync(pilot.PayoutDb,
            """
            SELECT COUNT(*) FROM entitlements e
            WHERE e.balance < 0 OR e.balance <> e.amount - COALESCE(
                (SELECT SUM(p.amount) FROM payouts p WHERE p.entitlement_id = e.id AND p.result = 'APPROVED' AND p.reversed_at IS NULL), 0)
            """));

        // Exactly one PayoutAuthorized (one message id; a redelivered copy keeps it) for each approved payout.
        var events = await tap.DrainAsync();
        var byPayout = events.GroupBy(e => e.Message.GetProperty("payoutId").GetString()!.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Select(e => e.MessageId).Distinct().Count());
        Assert.Equal(storedApproved.Select(p => p.Id.ToLowerInvariant()).Order(), byPayout.Keys.Order());
        Assert.All(byPayout, pair => Assert.Equal(1, pair.Value));
    }

    /// <summary>One terminal pays its cards until each is declined (balance too low), retrying an unanswered request as it was.</summary>
    private static async Task PayAsync(
        PilotSystem pilot, long terminalId, uint periodId, IReadOnlyList<TestCard> cards,
        ConcurrentDictionary<string, string> approved, ConcurrentBag<string> unanswered, CancellationToken ct)
    {
        var token = TestTokens.Terminal(terminalId);
        foreach (var card in cards)
        {
            for (var draws = 0; draws < 4; draws++)
            {
                var answer = await WithRetriesAsync(pilot, token, async client =>
                {
                    var begin = await client.BeginPayoutAsync(new BeginPayoutRequest { CardNumber = card.Number.Digits }, deadline: Deadline(), cancellationToken: ct);
                    return begin.CanPay ? begin : null;
                }, unanswered, ct);
                if (answer is null)
                {
                    break; // drawn to the end: nothing left to pay
                }

                var request = card.Authorize(answer, periodId, Amount);
                var result = await WithRetriesAsync(pilot, token, async client =>
                    await client.AuthorizePayoutAsync(request, deadline: Deadline(), cancellationToken: ct), unanswered, ct);
                if (result?.Result == PayoutResult.Approved)
                {
                    approved[result.PayoutId] = request.IdempotencyKey;
                }
            }
        }
    }

    /// <summary>Sends until the service answers: a dead or restarting service is met again after a pause (bounded).</summary>
    private static async Task<T?> WithRetriesAsync<T>(
        PilotSystem pilot, string token, Func<PayoutTerminalService.PayoutTerminalServiceClient, Task<T?>> call, ConcurrentBag<string> unanswered, CancellationToken ct)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            using var channel = pilot.Payout!.Channel(token);
            try
            {
                return await call(new PayoutTerminalService.PayoutTerminalServiceClient(channel));
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown && attempt < 120)
            {
                unanswered.Add(ex.StatusCode.ToString());
                await Task.Delay(500, ct);
            }
        }
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    /// <summary>An aid card without PC/SC: its number, K_card and ATC, signing as the applet does.</summary>
    private sealed class TestCard(CardNumber number, IIssuerKeyStore keys)
    {
        private readonly byte[] key = keys.DeriveCardKey(number);
        private int atc;

        public CardNumber Number { get; } = number;

        public AuthorizePayoutRequest Authorize(BeginPayoutResponse begin, uint periodId, long amount)
        {
            var next = ++atc;
            var cryptogram = Cryptogram.Compute(key, Number, (ushort)next, new CryptogramData(amount, periodId, (ulong)begin.TerminalId, begin.Challenge.Span));
            return new AuthorizePayoutRequest
            {
                ChallengeId = begin.ChallengeId,
                PeriodId = periodId,
                Amount = amount,
                Atc = (uint)next,
                Cryptogram = ByteString.CopyFrom(cryptogram),
                IdempotencyKey = Guid.NewGuid().ToString("N"),
            };
        }
    }
}
