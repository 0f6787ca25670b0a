using Bansos.Complaint.Application;
using Bansos.Complaint.Domain;
using Bansos.ServiceDefaults.Auth;
using Grpc.Core;

namespace Bansos.Complaint.Grpc;

/// <summary>The caller and its village scope, from the validated token only (roles and repeated <c>village</c> claims).</summary>
internal static class CallerContext
{
    public static Caller Of(ServerCallContext context, ICurrentActor actor)
    {
        var user = context.GetHttpContext().User;
        var villages = user.FindAll(BansosClaims.Village).Select(c => c.Value);
        var scope = VillageScope.For(
            actor.IsInRole(BansosRoles.Admin),
            actor.IsInRole(BansosRoles.Operator),
            actor.IsInRole(BansosRoles.Auditor),
            actor.IsInRole(BansosRoles.Terminal),
            villages);
        return new Caller(actor.Subject, scope);
    }
}
