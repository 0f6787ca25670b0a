using System.Diagnostics.Metrics;
using Bansos.Payout.Tests.Support;
using Bansos.Protos.Payout.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bansos.Payout.Tests.Functional;

/// <summary>
/// AuthorizePayout requests that no challenge of the calling terminal backs (made-up ids) cost no
/// storage: each is answered with a decline and counted, none is stored as a payout or an event.
/// </summary>
public sealed class ForgedChallengeTests(Hosts hosts)
{
    [Theory]
    [EveryDialect]
    public async Task Made_up_challenge_ids_are_declined_and_counted_but_not_stored(DbDialect dialect)
    {
        var host = await hosts.GetAsync(dialect);
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var template = s.Request(card, await s.BeginAsync(card), 10_000);
        using var counted = new UnbackedCounter(host);

        // Sequentially and all at once (the batched paths), each with its own idempotency key.
        var requests = Enumerable.Range(0, 60).Select(i =>
        {
            var forged = template.Clone();
            forged.ChallengeId = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(57)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            forged.IdempotencyKey = $"forged-{i}";
            return forged;
        }).ToList();
        var answers = new List<AuthorizePayoutResponse>();
        foreach (var request in requests.Take(20))
        {
            answers.Add(await s.Terminal.AuthorizePayoutAsync(request));
        }

        answers.AddRange(await Task.WhenAll(requests.Skip(20).Select(r => s.Terminal.AuthorizePayoutAsync(r).ResponseAsync)));
        // A retry of one of them gets the same answer.
        answers.Add(await s.Terminal.AuthorizePayoutAsync(requests[0]));

        Assert.All(answers, a => Assert.Equal((PayoutResult.Declined, DeclineReason.ChallengeUnknown, ""), (a.Result, a.DeclineReason, a.PayoutId)));
        await AuthorizationTests.AssertDeclinedUnstoredAsync(s, answers[0], DeclineReason.ChallengeUnknown);
        Assert.True(counted.Total >= 61, $"counted {counted.Total} of 61");

        // The genuine challenge is untouched and still pays.
        Assert.Equal(PayoutResult.Approved, (await s.Terminal.AuthorizePayoutAsync(template)).Result);
    }

    [Fact]
    public async Task A_disabled_terminal_with_a_made_up_challenge_is_declined_and_not_stored()
    {
        var host = await hosts.SqliteAsync();
        var s = await Scenario.CreateAsync(host);
        var card = await s.AddHouseholdAsync();
        var request = s.Request(card, await s.BeginAsync(card), 10_000);
        request.ChallengeId = "AQAAAAAAAAEBmQAXAAAAABEAAAF9JLTKgBAREhMUFRYXGBkaGxwdHh8AAAAAAAAAAAAAAAAAAAAA";
        await host.Points().SetTerminalStatusAsync(new SetTerminalStatusRequest { TerminalId = s.TerminalId, Status = TerminalStatus.Disabled, Reason = "test" });

        await AuthorizationTests.AssertDeclinedUnstoredAsync(s, await s.Terminal.AuthorizePayoutAsync(request), DeclineReason.TerminalDisabled);
    }

    /// <summary>Sums bansos.payout.unbacked_authorizations of this host's meters.</summary>
    private sealed class UnbackedCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long total;

        public UnbackedCounter(PayoutHost host)
        {
            var factory = host.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "bansos.payout.unbacked_authorizations" && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
            listener.Start();
        }

        public long Total => Interlocked.Read(ref total);

        public void Dispose() => listener.Dispose();
    }
}
