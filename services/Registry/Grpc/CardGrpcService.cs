using Bansos.ServiceDefaults.Codes;
using Bansos.Contracts;
using Bansos.Protos.Registry.V1;
using Bansos.Registry.Application;
using Bansos.Registry.Data;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Cards;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Bansos.Registry.Grpc;

/// <summary>
/// Aid cards. Posko operators may block a card or report it lost (a beneficiary at the counter);
/// issuing, unblocking and replacing are for admins.
/// </summary>
public sealed class CardGrpcService(CardCommands commands, HouseholdQueries queries, ICurrentActor actor)
    : CardService.CardServiceBase
{
    [Authorize(Roles = BansosRoles.Admin)]
    public override async Task<AidCardInfo> IssueCard(IssueCardRequest request, ServerCallContext context) =>
        ToInfo(await commands.IssueAsync(RequestParsing.HouseholdId(request.HouseholdId), actor.Subject, context.CancellationToken));

    [Authorize(Roles = $"{BansosRoles.Admin},{BansosRoles.Operator},{BansosRoles.Auditor}")]
    public override async Task<CardDetails> GetCard(GetCardRequest request, ServerCallContext context)
    {
        var number = CardNumber(request.CardNumber);
        var found = await queries.FindCardAsync(number, context.CancellationToken)
            ?? throw new NotFoundException("Kartu tidak ditemukan (card not found).");
        var disclosure = new Disclosure(actor);
        return new CardDetails
        {
            Card = HouseholdMapping.ToCardInfo(found.Card),
            HouseholdId = found.Card.HouseholdId.ToString(),
            HolderName = disclosure.Name(found.HolderName),
            VillageCode = found.VillageCode,
        };
    }

    [Authorize(Roles = $"{BansosRoles.Admin},{BansosRoles.Operator}")]
    public override async Task<AidCardInfo> BlockCard(CardActionRequest request, ServerCallContext context) =>
        ToInfo(await commands.BlockAsync(CardNumber(request.CardNumber), Reason(request), actor.Subject, context.CancellationToken));

    [Authorize(Roles = BansosRoles.Admin)]
    public override async Task<AidCardInfo> UnblockCard(CardActionRequest request, ServerCallContext context) =>
        ToInfo(await commands.UnblockAsync(CardNumber(request.CardNumber), Reason(request), actor.Subject, context.CancellationToken));

    [Authorize(Roles = $"{BansosRoles.Admin},{BansosRoles.Operator}")]
    public override async Task<AidCardInfo> ReportCardLost(CardActionRequest request, ServerCallContext context) =>
        ToInfo(await commands.ReportLostAsync(CardNumber(request.CardNumber), Reason(request), actor.Subject, context.CancellationToken));

    [Authorize(Roles = BansosRoles.Admin)]
    public override async Task<AidCardInfo> ReplaceCard(CardActionRequest request, ServerCallContext context) =>
        ToInfo(await commands.ReplaceAsync(CardNumber(request.CardNumber), Reason(request), actor.Subject, context.CancellationToken));

    private static string CardNumber(string value)
    {
        var parsed = AidCardNumber.Parse(value, "card_number");
        return parsed.IsValid
            ? parsed.Value.Value
            : throw new ValidationException([.. parsed.Errors.Select(e => new FieldViolation(e.Field, e.Message))]);
    }

    private static string? Reason(CardActionRequest request) =>
        string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();

    private static AidCardInfo ToInfo(AidCard card) => new()
    {
        CardId = card.Id.ToString(),
        CardNumber = card.Number.Value,
        Status = card.Status.ToCode(),
        IssuedAt = Timestamp.FromDateTimeOffset(card.IssuedAt),
        ReplacedByCardId = card.ReplacedByCardId?.ToString() ?? "",
    };
}
