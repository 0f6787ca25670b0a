using Bansos.ServiceDefaults.Codes;
using Bansos.Contracts;
using Bansos.Payout.Application;
using Bansos.Payout.Domain;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = Bansos.Protos.Payout.V1;

namespace Bansos.Payout.Grpc;

/// <summary>Domain ↔ proto. Enum numbers are the same on both sides by construction.</summary>
internal static class ProtoMapping
{
    public static Proto.DeclineReason ToProto(DeclineReason? reason) =>
        reason is { } r ? (Proto.DeclineReason)(int)r : Proto.DeclineReason.Unspecified;

    public static Timestamp? ToProto(DateTimeOffset? time) => time is { } t ? Timestamp.FromDateTimeOffset(t) : null;

    public static Proto.AidPeriodInfo ToProto(AidPeriod period)
    {
        var info = new Proto.AidPeriodInfo
        {
            PeriodId = checked((uint)period.Id),
            Code = period.Code,
            Programme = period.Programme,
            AmountPerHousehold = period.AmountPerHousehold,
            StartDate = BusinessCalendar.Format(period.StartDate),
            EndDate = BusinessCalendar.Format(period.EndDate),
            VillageCodes = { period.VillageCodes },
            Status = (Proto.AidPeriodStatus)(int)period.Status,
            EntitlementCount = period.EntitlementCount,
            CreatedAt = ToProto(period.CreatedAt),
            Training = period.Training,
        };
        if (period.OpenedAt is { } opened)
        {
            info.OpenedAt = ToProto(opened);
        }

        if (period.ClosedAt is { } closed)
        {
            info.ClosedAt = ToProto(closed);
        }

        return info;
    }

    public static Proto.TerminalInfo ToProto(Terminal terminal) => new()
    {
        TerminalId = terminal.Id,
        PointId = terminal.PointId,
        Label = terminal.Label,
        Status = (Proto.TerminalStatus)(int)terminal.Status,
        CreatedAt = ToProto(terminal.CreatedAt),
    };

    public static Proto.DistributionPointInfo ToProto(DistributionPoint point) => new()
    {
        PointId = point.Id,
        Name = point.Name,
        Kind = (Proto.DistributionPointKind)(int)point.Kind,
        VillageCode = point.VillageCode,
        Terminals = { point.Terminals.Select(ToProto) },
        CreatedAt = ToProto(point.CreatedAt),
    };

    public static DistributionPointKind? ToDomain(Proto.DistributionPointKind kind) =>
        kind == Proto.DistributionPointKind.Unspecified ? null : (DistributionPointKind)(int)kind;

    public static TerminalStatus? ToDomain(Proto.TerminalStatus status) =>
        status == Proto.TerminalStatus.Unspecified ? null : (TerminalStatus)(int)status;

    public static Proto.EntitlementInfo ToProto(EntitlementFacts entitlement, bool training) => new()
    {
        Training = training,
        EntitlementId = entitlement.EntitlementId,
        PeriodId = checked((uint)entitlement.PeriodId),
        PeriodCode = entitlement.PeriodCode,
        Programme = entitlement.Programme,
        Amount = entitlement.Amount,
        Balance = entitlement.Balance,
        StartDate = BusinessCalendar.Format(entitlement.StartDate),
        EndDate = BusinessCalendar.Format(entitlement.EndDate),
    };

    public static Proto.BeginPayoutResponse ToProto(BeginPayoutResult result)
    {
        var response = new Proto.BeginPayoutResponse
        {
            CardNumber = result.CardNumber,
            CardStatus = result.Card.Replaced ? CardStatus.Replaced.ToCode() : result.Card.Status?.ToCode() ?? "",
            HouseholdId = result.Refusal is null ? result.Card.HouseholdId.ToString() : "",
            HouseholdStatus = result.Household?.Status?.ToCode() ?? "",
            VillageCode = result.Household?.VillageCode ?? "",
            Entitlements = { result.Entitlements.Select(e => ToProto(e, result.TrainingPeriodIds.Contains(e.PeriodId))) },
            CanPay = result.Refusal is null,
            Reason = ToProto(result.Refusal),
            TerminalId = result.TerminalId,
            Message = result.Refusal is { } refusal ? DeclineReasons.Message(refusal) : "Silakan masukkan jumlah dan PIN (enter the amount and PIN).",
        };
        if (result.Challenge is { } challenge)
        {
            response.ChallengeId = result.ChallengeId;
            response.Challenge = ByteString.CopyFrom(challenge.Bytes.Span);
            response.ChallengeExpiresAt = ToProto(challenge.ExpiresAt);
        }

        return response;
    }

    public static Proto.AuthorizePayoutResponse ToProto(AuthorizationResult result)
    {
        var payout = result.Payout;
        return new Proto.AuthorizePayoutResponse
        {
            PayoutId = result.Stored ? payout.PayoutId.ToString() : "", // nothing stored, nothing to refer to
            Result = payout.Approved ? Proto.PayoutResult.Approved : Proto.PayoutResult.Declined,
            DeclineReason = ToProto(payout.DeclineReason),
            ApprovalCode = payout.ApprovalCode ?? "",
            Amount = payout.Amount,
            BalanceAfter = payout.BalanceAfter ?? 0,
            PeriodId = (uint)payout.PeriodId,
            At = ToProto(payout.At),
            Replayed = result.Replayed,
            Message = payout.DeclineReason is { } reason
                ? DeclineReasons.Message(reason)
                : $"Disetujui, kode {payout.ApprovalCode} (approved).",
        };
    }

    public static Proto.TransactionInfo ToTransaction(PayoutRecord payout, IReadOnlySet<long> trainingPeriods) => new()
    {
        PayoutId = payout.PayoutId.ToString(),
        Result = payout.Approved ? Proto.PayoutResult.Approved : Proto.PayoutResult.Declined,
        DeclineReason = ToProto(payout.DeclineReason),
        CardNumber = payout.CardNumber is { } number && Bansos.Card.CardNumber.TryParse(number, out var card) ? card.ToMaskedString() : "",
        PeriodId = (uint)payout.PeriodId,
        Amount = payout.Amount,
        ApprovalCode = payout.ApprovalCode ?? "",
        At = ToProto(payout.At),
        Reversed = payout.ReversedAt is not null,
        ReversalReason = payout.ReversalReason ?? "",
        Training = trainingPeriods.Contains(payout.PeriodId),
    };

    public static Proto.Settlement ToSettlement(long terminalId, DateOnly date, DayFigures figures) => new()
    {
        TerminalId = terminalId,
        BusinessDate = BusinessCalendar.Format(date),
        ApprovedCount = figures.ApprovedCount,
        ApprovedAmount = figures.ApprovedAmount,
        ReversedCount = figures.ReversedCount,
        ReversedAmount = figures.ReversedAmount,
        DeclinedCount = figures.DeclinedCount,
        NetCount = figures.NetCount,
        NetAmount = figures.NetAmount,
        TrainingCount = figures.Training?.NetCount ?? 0,
        TrainingAmount = figures.Training?.NetAmount ?? 0,
    };

    public static Proto.TerminalDayFigures ToProto(DayFigures figures) => new()
    {
        TerminalId = figures.TerminalId,
        ApprovedCount = figures.ApprovedCount,
        ApprovedAmount = figures.ApprovedAmount,
        ReversedCount = figures.ReversedCount,
        ReversedAmount = figures.ReversedAmount,
        DeclinedCount = figures.DeclinedCount,
        NetCount = figures.NetCount,
        NetAmount = figures.NetAmount,
    };

    public static Proto.VillageFigures ToProto(VillageFigures figures) => new()
    {
        VillageCode = figures.VillageCode,
        EntitledHouseholds = figures.EntitledHouseholds,
        PaidHouseholds = figures.PaidHouseholds,
        FullyPaidHouseholds = figures.FullyPaidHouseholds,
        AmountEntitled = figures.AmountEntitled,
        AmountPaid = figures.AmountPaid,
        AmountLeft = figures.AmountLeft,
    };
}
