using Bansos.Complaint.Application;
using Bansos.Complaint.Data;
using Bansos.Complaint.Domain;
using Bansos.Registry.Domain.Areas;
using Bansos.ServiceDefaults.Auth;
using Bansos.ServiceDefaults.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Bansos.Protos.Complaint.V1;

namespace Bansos.Complaint.Grpc;

/// <summary>
/// Complaints over gRPC and REST (JSON transcoding): maps requests, delegates to the application,
/// maps answers (masked for auditors). Village scope is enforced by the application.
/// </summary>
public sealed class ComplaintGrpcService(
    ComplaintCommands commands,
    ComplaintQueries queries,
    PageTokens pageTokens,
    AreaReference areas,
    ICurrentActor actor) : Proto.ComplaintService.ComplaintServiceBase
{
    private const string Staff = $"{BansosRoles.Admin},{BansosRoles.Operator}";
    private const string Readers = $"{BansosRoles.Admin},{BansosRoles.Operator},{BansosRoles.Auditor}";

    [Authorize(Roles = $"{BansosRoles.Admin},{BansosRoles.Operator},{BansosRoles.Terminal}")]
    public override async Task<Proto.Complaint> FileComplaint(Proto.FileComplaintRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context, actor);
        var draft = new ComplaintDraft(request.VillageCode, ProtoMapping.Category(request.Category), request.Description,
            ProtoMapping.Channel(request.Channel), request.HouseholdId, request.PayoutId, request.Nik, request.ReporterName, request.ReporterPhone);
        return Map(await commands.FileAsync(caller, draft, context.CancellationToken), caller);
    }

    [Authorize(Roles = Readers)]
    public override async Task<Proto.Complaint> GetComplaint(Proto.GetComplaintRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context, actor);
        return Map(await queries.GetAsync(caller, Id(request.ComplaintId), context.CancellationToken), caller);
    }

    [Authorize(Roles = Readers)]
    public override async Task<Proto.ListComplaintsResponse> ListComplaints(Proto.ListComplaintsRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context, actor);
        var violations = new List<FieldViolation>();
        var filter = new ComplaintFilter(
            Village(request.VillageCode, violations),
            District(request.DistrictCode, violations),
            ProtoMapping.Status(request.Status),
            ProtoMapping.Category(request.Category),
            OptionalId(request.HouseholdId, "household_id", violations),
            request.Assignee.Length > 0 ? request.Assignee : null,
            Date(request.FiledFrom, "filed_from", violations),
            Date(request.FiledTo, "filed_to", violations),
            ProtoMapping.Sla(request.SlaState));
        if (request.PageSize is < 0 or > ComplaintQueries.MaxPageSize)
        {
            violations.Add(new("page_size", $"Ukuran halaman 1–{ComplaintQueries.MaxPageSize} (page size must be 1–{ComplaintQueries.MaxPageSize})"));
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        var (page, next) = await queries.ListAsync(caller, filter, pageTokens.Parse(request.PageToken), request.PageSize, context.CancellationToken);
        var disclosure = new Disclosure(caller.Scope);
        var response = new Proto.ListComplaintsResponse { NextPageToken = pageTokens.ToToken(next) };
        response.Complaints.AddRange(page.Select(view => ProtoMapping.ToProto(view, disclosure)));
        return response;
    }

    [Authorize(Roles = Staff)]
    public override Task<Proto.Complaint> StartWork(Proto.StartWorkRequest request, ServerCallContext context) =>
        TransitionAsync(context, request.ComplaintId, Transition.Start, null);

    [Authorize(Roles = Staff)]
    public override Task<Proto.Complaint> ReopenComplaint(Proto.ReopenComplaintRequest request, ServerCallContext context) =>
        TransitionAsync(context, request.ComplaintId, Transition.Reopen, request.Reason);

    [Authorize(Roles = Staff)]
    public override Task<Proto.Complaint> ResolveComplaint(Proto.ResolveComplaintRequest request, ServerCallContext context) =>
        TransitionAsync(context, request.ComplaintId, Transition.Resolve, request.Resolution);

    [Authorize(Roles = Staff)]
    public override Task<Proto.Complaint> RejectComplaint(Proto.RejectComplaintRequest request, ServerCallContext context) =>
        TransitionAsync(context, request.ComplaintId, Transition.Reject, request.Resolution);

    [Authorize(Roles = Staff)]
    public override async Task<Proto.Complaint> AssignComplaint(Proto.AssignComplaintRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context, actor);
        return Map(await commands.AssignAsync(caller, Id(request.ComplaintId), request.Assignee, context.CancellationToken), caller);
    }

    [Authorize(Roles = Staff)]
    public override async Task<Proto.Complaint> AddNote(Proto.AddNoteRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context, actor);
        return Map(await commands.AddNoteAsync(caller, Id(request.ComplaintId), request.Text, context.CancellationToken), caller);
    }

    [Authorize(Roles = Readers)]
    public override async Task<Proto.GetStatisticsResponse> GetStatistics(Proto.GetStatisticsRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context, actor);
        var violations = new List<FieldViolation>();
        var from = Date(request.FiledFrom, "filed_from", violations, required: true);
        var to = Date(request.FiledTo, "filed_to", violations, required: true);
        if (from > to)
        {
            violations.Add(new("filed_to", "Tanggal akhir sebelum tanggal awal (filed_to is before filed_from)"));
        }

        var filter = new ComplaintFilter(Village(request.VillageCode, violations), District(request.DistrictCode, violations), FiledFrom: from, FiledTo: to);
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        var figures = await queries.StatisticsAsync(caller, filter, context.CancellationToken);
        var response = new Proto.GetStatisticsResponse();
        response.Rows.AddRange(figures.Select(ProtoMapping.ToProto));
        return response;
    }

    private async Task<Proto.Complaint> TransitionAsync(ServerCallContext context, string complaintId, Transition transition, string? text)
    {
        var caller = CallerContext.Of(context, actor);
        return Map(await commands.TransitionAsync(caller, Id(complaintId), transition, text, context.CancellationToken), caller);
    }

    private static Proto.Complaint Map(ComplaintView view, Caller caller) => ProtoMapping.ToProto(view, new Disclosure(caller.Scope));

    private static Guid Id(string value) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException("complaint_id", ComplaintMessages.IdFormat);

    private static Guid? OptionalId(string value, string field, List<FieldViolation> violations)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        violations.Add(new(field, ComplaintMessages.IdFormat));
        return null;
    }

    private string? Village(string code, List<FieldViolation> violations)
    {
        if (code.Length == 0)
        {
            return null;
        }

        if (areas.FindVillage(code) is { } village)
        {
            return village.Code;
        }

        violations.Add(new("village_code", "Kode desa tidak dikenal (unknown village code)"));
        return null;
    }

    private string? District(string code, List<FieldViolation> violations)
    {
        if (code.Length == 0)
        {
            return null;
        }

        if (areas.Find(code) is { Level: AreaLevel.District } district)
        {
            return district.Code;
        }

        violations.Add(new("district_code", "Kode kecamatan tidak dikenal (unknown district code)"));
        return null;
    }

    private static DateOnly? Date(string text, string field, List<FieldViolation> violations, bool required = false)
    {
        if (text.Length == 0 && !required)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        violations.Add(new(field, "Tanggal dengan format YYYY-MM-DD (a date as YYYY-MM-DD)"));
        return null;
    }
}
