using Bansos.Agent.Cards;
using Bansos.Agent.Messages;
using Bansos.Agent.Payout;
using Bansos.Agent.Receipts;
using Bansos.Agent.Storage;
using Bansos.Card;
using Bansos.Card.Apdu;
using Bansos.Card.Crypto;
using Bansos.PcSc;
using Bansos.Protos.Payout.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Bansos.Agent.Session;

/// <summary>
/// One card at the counter (docs/agent.md "The payout session"): SELECT and read the card, ask the
/// payout service what it may draw, take amount and PIN, let the card sign, authorize, print the
/// receipt. Whatever goes wrong, the outcome says whether anything was paid: a payout request is
/// saved before it is sent and sent again with the same idempotency key until it is answered.
/// </summary>
public sealed class PayoutSession(
    ICardReader reader,
    ITerminalClient terminal,
    PendingPayoutStore pending,
    ReceiptStore receipts,
    IPayoutFace face,
    Language language,
    PayoutSessionOptions options)
{
    private readonly CardWaiter waiter = new(reader, face, options);

    /// <summary>Sends an unanswered payout of an earlier run again, until answered; null when there is none.</summary>
    public async Task<PayoutOutcome?> ResolvePendingAsync(CancellationToken cancellationToken)
    {
        if (pending.Load() is not { } attempt) return null;
        face.Show(Notice.Warning(Msg.PendingResolving, Rupiah.Format(attempt.Amount), attempt.MaskedCard));
        return await SendAsync(attempt, cancellationToken);
    }

    /// <summary>Waits for a card and pays from it once. Call <see cref="ResolvePendingAsync"/> first.</summary>
    public async Task<PayoutOutcome> PayOnceAsync(CancellationToken cancellationToken)
    {
        if (await waiter.WaitAsync(cancellationToken) is { } noCard) return noCard;
        try
        {
            return await WithCardAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled before anything was sent (SendAsync answers for itself once it has begun).
            return new PayoutOutcome(OutcomeKind.NothingPaid, Notice.Warning(Msg.Cancelled));
        }
    }

    public Task WaitForRemovalAsync(CancellationToken cancellationToken) => waiter.WaitForRemovalAsync(cancellationToken);

    private async Task<PayoutOutcome> WithCardAsync(CancellationToken cancellationToken)
    {
        ICardConnection connection;
        try
        {
            connection = reader.Connect();
        }
        catch (PcScException e)
        {
            return CardGone(e);
        }
        using (connection)
        {
            try
            {
                return await WithConnectionAsync(connection, cancellationToken);
            }
            catch (PcScException e)
            {
                // Any card command failing on the transport: nothing was sent to the payout service yet.
                return CardGone(e);
            }
        }
    }

    private PayoutOutcome CardGone(PcScException e) => e switch
    {
        CardRemovedException => new(OutcomeKind.NothingPaid, Notice.Warning(Msg.CardRemovedNothingPaid)),
        PcScServiceUnavailableException or NoReaderException or ReaderRemovedException => new(OutcomeKind.NothingPaid, ReaderProblems.For(e, reader.Name))
        {
            Note = Notice.Info(Msg.CardRemovedNothingPaid),
        },
        _ => new(OutcomeKind.NothingPaid, ReaderProblems.For(e, reader.Name)),
    };

    private async Task<PayoutOutcome> WithConnectionAsync(ICardConnection connection, CancellationToken cancellationToken)
    {
        var card = new AidCardClient(connection);
        face.Show(Notice.Info(Msg.ReadingCard));
        Fci fci;
        try
        {
            fci = card.Select();
        }
        catch (CardException e)
        {
            var refusal = CardRefusals.ForSelect(e.StatusWord);
            return await RefusedAsync(null, refusal, Notice.Error(refusal == CardRefusal.NotBansosCard ? Msg.NotBansosCard : Msg.CardUnreadable), cancellationToken);
        }
        if (!fci.IsPersonalised || fci.CardNumber is not { } number)
            return new PayoutOutcome(OutcomeKind.CardRefused, Notice.Error(Msg.CardBlank));
        var masked = number.ToMaskedString();
        // The FCI shows 0 tries both for a blocked PIN and an ended card; VERIFY could not tell them apart either.
        if (fci.PinTriesLeft == 0)
            return await RefusedAsync(number, CardRefusal.PinBlocked, Notice.Error(Msg.PinBlocked), cancellationToken);

        BeginPayoutResponse begin;
        try
        {
            begin = await face.BusyAsync(Msg.CheckingEntitlements, () => terminal.BeginPayoutAsync(number.Digits, cancellationToken));
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new PayoutOutcome(OutcomeKind.GatewayProblem, ServiceProblem.From(e).Notice) { MaskedCard = masked };
        }
        face.ShowCard(new CardSummary(masked, fci.HolderName ?? "", fci.HouseholdReference ?? "", begin.VillageCode, [.. begin.Entitlements]));
        // A refusal carries no entitlements (docs/payout.md): its reason's words say what is wrong
        // (a used-up balance is NO_OPEN_ENTITLEMENT, whose text says so).
        if (!begin.CanPay) return Declined(begin.Reason, masked, null);

        // A training installation pays only from training periods, a real one never from them (docs/agent.md "Training mode").
        var payable = begin.Entitlements.Where(e => e.Balance > 0 && e.Training == options.Training).ToList();
        if (payable.Count == 0)
            return Declined(DeclineReason.NoOpenEntitlement, masked, Notice.Error(options.Training ? Msg.NoTrainingEntitlement : Msg.TrainingEntitlementOnly));
        var entitlement = payable.Count == 1 ? payable[0] : await face.ChooseEntitlementAsync(payable, cancellationToken);
        if (entitlement is null) return new PayoutOutcome(OutcomeKind.NothingPaid, Notice.Warning(Msg.Cancelled)) { MaskedCard = masked };
        var amount = await face.AskAmountAsync(entitlement, cancellationToken);
        if (amount is null) return new PayoutOutcome(OutcomeKind.NothingPaid, Notice.Warning(Msg.Cancelled)) { MaskedCard = masked };
        // Never above the balance: declined here, before the beneficiary types a PIN.
        if (amount <= 0) return Declined(DeclineReason.InvalidAmount, masked, Notice.Error(Msg.AmountInvalid));
        if (amount > entitlement.Balance)
            return Declined(DeclineReason.InsufficientBalance, masked,
                Notice.Error(Msg.AmountAboveBalance, Rupiah.Format(amount.Value), Rupiah.Format(entitlement.Balance)));

        var data = new CryptogramData(amount.Value, entitlement.PeriodId, (ulong)begin.TerminalId, begin.Challenge.Span);
        GeneratedCryptogram signed;
        int? triesLeft = fci.PinTriesLeft;
        while (true)
        {
            var pin = await face.AskPinAsync(triesLeft, cancellationToken);
            if (pin is null) return new PayoutOutcome(OutcomeKind.NothingPaid, Notice.Warning(Msg.PinNotEntered)) { MaskedCard = masked };
            if (pin.Length != 6 || !pin.All(char.IsAsciiDigit))
            {
                face.Show(Notice.Warning(Msg.PinFormat));
                continue;
            }
            PinResult result;
            using (connection.BeginTransaction())
            {
                result = card.Verify(pin);
                if (result.IsSuccess)
                {
                    try
                    {
                        signed = card.GenerateCryptogram(data);
                    }
                    catch (CardException e)
                    {
                        return await GenerateRefusedAsync(number, e, cancellationToken);
                    }
                    break;
                }
            }
            if (CardRefusals.ForPin(result) is { } refusal)
                return await RefusedAsync(number, refusal, Notice.Error(refusal == CardRefusal.CardEnded ? Msg.CardEnded : Msg.PinBlocked), cancellationToken);
            if (result.Outcome == PinOutcome.NotPersonalised) return new PayoutOutcome(OutcomeKind.CardRefused, Notice.Error(Msg.CardBlank));
            triesLeft = result.TriesLeft;
            face.Show(Notice.Warning(Msg.WrongPin, triesLeft ?? 0));
        }

        var attempt = new PendingPayout(Guid.NewGuid().ToString("N"), begin.ChallengeId, entitlement.PeriodId, entitlement.PeriodCode,
            amount.Value, signed.Atc, signed.Cryptogram.ToArray(), masked, begin.TerminalId, DateTimeOffset.UtcNow);
        // Saved before it is sent: from here on the agent can always find out what happened.
        pending.Save(attempt);
        return await SendAsync(attempt, cancellationToken);
    }

    private async Task<PayoutOutcome> GenerateRefusedAsync(CardNumber number, CardException e, CancellationToken cancellationToken) => e.StatusWord switch
    {
        StatusWords.AuthenticationMethodBlocked => await RefusedAsync(number, CardRefusal.PinBlocked, Notice.Error(Msg.PinBlocked), cancellationToken),
        StatusWords.ConditionsNotSatisfied => new PayoutOutcome(OutcomeKind.CardRefused, Notice.Error(Msg.CardCannotSign)) { MaskedCard = number.ToMaskedString() },
        _ => new PayoutOutcome(OutcomeKind.CardRefused, Notice.Error(Msg.CardUnreadable)) { MaskedCard = number.ToMaskedString() },
    };

    /// <summary>Sends the saved request until the payout service answers it (or the operator stops: then it stays saved).</summary>
    private async Task<PayoutOutcome> SendAsync(PendingPayout attempt, CancellationToken cancellationToken)
    {
        var request = new AuthorizePayoutRequest
        {
            ChallengeId = attempt.ChallengeId,
            PeriodId = attempt.PeriodId,
            Amount = attempt.Amount,
            Atc = attempt.Atc,
            Cryptogram = ByteString.CopyFrom(attempt.Cryptogram),
            IdempotencyKey = attempt.IdempotencyKey,
        };
        for (var sends = 1; ; sends++)
        {
            AuthorizePayoutResponse answer;
            try
            {
                answer = await face.BusyAsync(Msg.AskingApproval, () => terminal.AuthorizePayoutAsync(request, cancellationToken));
            }
            catch (Exception e) when (e is OperationCanceledException || (e is RpcException && cancellationToken.IsCancellationRequested))
            {
                return Unanswered(attempt);
            }
            catch (RpcException e)
            {
                var problem = ServiceProblem.From(e);
                if (!problem.Transient)
                {
                    // Refused outright (not allowed, bad request): the service made no payout of it.
                    pending.Clear();
                    return new PayoutOutcome(OutcomeKind.GatewayProblem, problem.Notice) { MaskedCard = attempt.MaskedCard };
                }
                face.Show(Notice.Warning(Msg.GatewayUnreachableRetrying, sends));
                try
                {
                    await Task.Delay(options.RetryDelay(sends), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return Unanswered(attempt);
                }
                continue;
            }
            pending.Clear();
            return Answered(attempt, answer);
        }
    }

    private PayoutOutcome Unanswered(PendingPayout attempt) =>
        new(OutcomeKind.Unanswered, Notice.Error(Msg.PendingLeft)) { MaskedCard = attempt.MaskedCard };

    private PayoutOutcome Answered(PendingPayout attempt, AuthorizePayoutResponse answer)
    {
        // The card may have left during the call: the answer is what counts, and the operator is told so.
        var note = reader.IsCardPresent() ? null : Notice.Info(Msg.CardRemovedAfterSend);
        if (answer.Result != PayoutResult.Approved) return Declined(answer.DeclineReason, attempt.MaskedCard, null) with { Note = note, PayoutId = answer.PayoutId };
        var receipt = new Receipt(options.PointName, attempt.TerminalId, answer.At?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow, attempt.MaskedCard,
            attempt.PeriodCode, answer.Amount, answer.BalanceAfter, answer.ApprovalCode, answer.PayoutId, options.Training);
        var file = receipts.Save(receipt, language);
        face.ShowReceipt(receipt, file);
        return new PayoutOutcome(OutcomeKind.Approved, Notice.Success(Msg.Approved, Rupiah.Format(answer.Amount), answer.ApprovalCode))
        {
            MaskedCard = attempt.MaskedCard,
            Receipt = receipt,
            ReceiptFile = file,
            Note = note,
            PayoutId = answer.PayoutId,
        };
    }

    private PayoutOutcome Declined(DeclineReason reason, string masked, Notice? detail) =>
        new(OutcomeKind.Declined, detail ?? Notice.Error(Msg.Declined, MessageCatalog.Decline(reason).In(language))) { Reason = reason, MaskedCard = masked };

    /// <summary>Tells the payout service about a card-side refusal, so the posko gets its ticket.</summary>
    private async Task<PayoutOutcome> RefusedAsync(CardNumber? number, CardRefusal refusal, Notice notice, CancellationToken cancellationToken)
    {
        var request = new RecordCardRefusalRequest
        {
            CardNumber = number?.Digits ?? "",
            Refusal = refusal,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        };
        Notice? note = null;
        var recorded = false;
        for (var attempt = 1; attempt <= options.RefusalAttempts; attempt++)
        {
            try
            {
                await terminal.RecordCardRefusalAsync(request, cancellationToken);
                recorded = true;
                note = Notice.Info(Msg.RefusalRecorded);
                break;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                var problem = ServiceProblem.From(e);
                note = problem.NotImplemented ? Notice.Warning(Msg.RefusalNotAvailable) : Notice.Warning(Msg.RefusalNotRecorded);
                if (!problem.Transient) break;
                if (attempt < options.RefusalAttempts) await Task.Delay(options.RetryDelay(attempt), cancellationToken);
            }
        }
        return new PayoutOutcome(OutcomeKind.CardRefused, notice)
        {
            Reason = CardRefusals.Reason(refusal),
            MaskedCard = number?.ToMaskedString(),
            RefusalRecorded = recorded,
            Note = note,
        };
    }
}
