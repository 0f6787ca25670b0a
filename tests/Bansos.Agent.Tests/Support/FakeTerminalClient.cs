using Bansos.Agent.Payout;
using Bansos.Card;
using Bansos.Card.Crypto;
using Bansos.Protos.Payout.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bansos.Agent.Tests.Support;

/// <summary>
/// The payout service's terminal API in memory, with its rules that matter to the agent: the
/// cryptogram is checked, a key answers the same twice, balances are debited once. Failures can be
/// scripted: the call never arrives, or it is processed and the answer is lost.
/// </summary>
internal sealed class FakeTerminalClient : ITerminalClient
{
    public const long TerminalId = 257;

    private readonly Dictionary<string, AuthorizePayoutResponse> answers = [];
    private readonly byte[] challenge = Convert.FromHexString("101112131415161718191A1B1C1D1E1F");

    public long Balance { get; set; } = 200_000;

    public uint PeriodId { get; set; } = 202111;

    public string HouseholdId { get; set; } = "6f1c2a4e-0b7d-4c1e-9a51-3d2f8e7b6a10";

    /// <summary>The entitlement is of a training period.</summary>
    public bool Training { get; set; }

    /// <summary>Next calls of AuthorizePayout fail with UNAVAILABLE before reaching the service.</summary>
    public int FailBeforeProcessing { get; set; }

    /// <summary>Next calls of AuthorizePayout are processed, then the answer is lost (UNAVAILABLE).</summary>
    public int LoseAnswers { get; set; }

    public bool RefusalsUnimplemented { get; set; }

    public List<AuthorizePayoutRequest> AuthorizeCalls { get; } = [];

    public List<RecordCardRefusalRequest> Refusals { get; } = [];

    public int Payouts { get; private set; }

    public Task<PingResponse> PingAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new PingResponse { TerminalId = TerminalId, ServerTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) });

    public Task<BeginPayoutResponse> BeginPayoutAsync(string cardNumber, CancellationToken cancellationToken)
    {
        var response = new BeginPayoutResponse
        {
            CardNumber = cardNumber,
            CardStatus = "ACTIVE",
            HouseholdStatus = "ACTIVE",
            VillageCode = "17.03.12.2003",
            HouseholdId = HouseholdId,
            TerminalId = TerminalId,
            CanPay = Balance > 0,
            Reason = Balance > 0 ? DeclineReason.Unspecified : DeclineReason.NoOpenEntitlement,
            ChallengeId = "challenge-" + Guid.NewGuid().ToString("N"),
            Challenge = ByteString.CopyFrom(challenge),
        };
        // A refusal names the reason and nothing of the household (docs/payout.md).
        if (!response.CanPay) return Task.FromResult(new BeginPayoutResponse { CardNumber = cardNumber, CardStatus = "ACTIVE", TerminalId = TerminalId, Reason = response.Reason });
        response.Entitlements.Add(new EntitlementInfo
        {
            EntitlementId = 1, PeriodId = PeriodId, PeriodCode = "SEMBAKO-2021-11", Programme = "SEMBAKO", Amount = 200_000, Balance = Balance,
            Training = Training,
        });
        return Task.FromResult(response);
    }

    public CardNumber? Card { get; set; }

    public Task<AuthorizePayoutResponse> AuthorizePayoutAsync(AuthorizePayoutRequest request, CancellationToken cancellationToken)
    {
        AuthorizeCalls.Add(request.Clone());
        if (FailBeforeProcessing > 0)
        {
            FailBeforeProcessing--;
            throw new RpcException(new Status(StatusCode.Unavailable, "connection refused"));
        }
        if (!answers.TryGetValue(request.IdempotencyKey, out var answer))
        {
            answer = Decide(request);
            answers[request.IdempotencyKey] = answer;
        }
        else
        {
            answer = answer.Clone();
            answer.Replayed = true;
        }
        if (LoseAnswers > 0)
        {
            LoseAnswers--;
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "deadline"));
        }
        return Task.FromResult(answer);
    }

    private AuthorizePayoutResponse Decide(AuthorizePayoutRequest request)
    {
        var data = new CryptogramData(request.Amount, request.PeriodId, TerminalId, challenge);
        var valid = Card is { } card && Cryptogram.Verify(FakeCardReader.CardKey(card), card, (ushort)request.Atc, data, request.Cryptogram.Span);
        var response = new AuthorizePayoutResponse
        {
            PayoutId = "payout-" + Guid.NewGuid().ToString("N")[..8],
            Amount = request.Amount,
            PeriodId = request.PeriodId,
            At = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 3, 4, 5, TimeSpan.Zero)),
        };
        if (!valid) return Decline(response, DeclineReason.BadCryptogram);
        if (request.Amount > Balance) return Decline(response, DeclineReason.InsufficientBalance);
        Balance -= request.Amount;
        Payouts++;
        response.Result = PayoutResult.Approved;
        response.ApprovalCode = "A1B2C3";
        response.BalanceAfter = Balance;
        return response;
    }

    private static AuthorizePayoutResponse Decline(AuthorizePayoutResponse response, DeclineReason reason)
    {
        response.Result = PayoutResult.Declined;
        response.DeclineReason = reason;
        return response;
    }

    public Task<RecordCardRefusalResponse> RecordCardRefusalAsync(RecordCardRefusalRequest request, CancellationToken cancellationToken)
    {
        Refusals.Add(request.Clone());
        if (RefusalsUnimplemented) throw new RpcException(new Status(StatusCode.Unimplemented, "Method is unimplemented."));
        return Task.FromResult(new RecordCardRefusalResponse { PayoutId = "refusal-1", DeclineReason = DeclineReason.PinBlocked });
    }

    public Task<ReversePayoutResponse> ReversePayoutAsync(string payoutId, string reason, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>What ListTransactions answers, newest first.</summary>
    public List<TransactionInfo> Today { get; } = [];

    public Task<ListTransactionsResponse> ListTransactionsAsync(string businessDate, CancellationToken cancellationToken) =>
        Task.FromResult(new ListTransactionsResponse { BusinessDate = businessDate, Transactions = { Today } });

    public Task<Settlement> GetSettlementAsync(string businessDate, CancellationToken cancellationToken) =>
        Task.FromResult(new Settlement { TerminalId = TerminalId, BusinessDate = businessDate, ApprovedCount = 2, ApprovedAmount = 250_000, NetCount = 2, NetAmount = 250_000,
            TrainingCount = Training ? 1 : 0, TrainingAmount = Training ? 30_000 : 0 });
}
