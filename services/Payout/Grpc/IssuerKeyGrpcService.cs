using Bansos.Payout.Application;
using Bansos.ServiceDefaults.Auth;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Bansos.Protos.Payout.V1;

namespace Bansos.Payout.Grpc;

[Authorize(Roles = BansosRoles.Admin)]
public sealed class IssuerKeyGrpcService(ICurrentActor actor, CardPersonalisationService personalisation) : Proto.IssuerKeyService.IssuerKeyServiceBase
{
    public override async Task<Proto.CardPersonalisation> GetCardPersonalisation(Proto.GetCardPersonalisationRequest request, ServerCallContext context)
    {
        var result = await personalisation.GetAsync(actor.Subject, request.CardNumber, context.CancellationToken);
        return new Proto.CardPersonalisation { CardNumber = result.CardNumber, CardKey = ByteString.CopyFrom(result.CardKey), Puk = result.Puk };
    }
}
