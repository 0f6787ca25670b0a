using Bansos.Agent.Messages;
using Bansos.Agent.Payout;
using Google.Rpc;
using Grpc.Core;

namespace Bansos.Agent.Complaints;

/// <summary>
/// A refused filing in the operator's words: each field the service named (its
/// <c>google.rpc.BadRequest</c>) as the catalogue's message for that field, never the service's
/// status or field name; other failures as any call's (<see cref="ServiceProblem"/>).
/// </summary>
public static class ComplaintRefusals
{
    public static IReadOnlyList<Notice> From(RpcException e)
    {
        if (e.StatusCode != StatusCode.InvalidArgument) return [ServiceProblem.From(e).Notice];
        var fields = e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).Distinct().ToList() ?? [];
        var notices = fields.Select(ForField).Distinct().Select(id => Notice.Error(id)).ToList();
        return notices.Count > 0 ? notices : [Notice.Error(Msg.ComplaintIncomplete)];
    }

    private static Msg ForField(string field) => field switch
    {
        "village_code" => Msg.ComplaintVillageInvalid,
        "nik" => Msg.ComplaintNikInvalid,
        "reporter_name" => Msg.ComplaintNameInvalid,
        "reporter_phone" => Msg.ComplaintPhoneInvalid,
        "description" => Msg.ComplaintDescriptionInvalid,
        "household_id" => Msg.ComplaintHouseholdUnknown,
        "payout_id" => Msg.ComplaintPayoutInvalid,
        "category" => Msg.ComplaintCategoryInvalid,
        _ => Msg.ComplaintIncomplete,
    };
}
