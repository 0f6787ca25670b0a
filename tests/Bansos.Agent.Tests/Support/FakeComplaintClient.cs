using Bansos.Agent.Complaints;
using Bansos.Protos.Complaint.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Bansos.Agent.Tests.Support;

/// <summary>The complaint service's filing in memory: numbers tickets, or refuses as scripted (fields named in a google.rpc.BadRequest, like the service).</summary>
internal sealed class FakeComplaintClient : IComplaintClient
{
    public static readonly DateTimeOffset Due = new(2026, 12, 3, 17, 0, 0, TimeSpan.Zero); // 00:00 WIB of 4 December

    public List<FileComplaintRequest> Filed { get; } = [];

    /// <summary>Fields the next filing is refused for (INVALID_ARGUMENT).</summary>
    public string[] RefuseFields { get; set; } = [];

    public StatusCode? FailWith { get; set; }

    public Task<Bansos.Protos.Complaint.V1.Complaint> FileAsync(FileComplaintRequest request, CancellationToken cancellationToken)
    {
        if (FailWith is { } code) throw new RpcException(new Grpc.Core.Status(code, "UNIMPLEMENTED method"));
        if (RefuseFields.Length > 0)
        {
            var bad = new BadRequest();
            bad.FieldViolations.AddRange(RefuseFields.Select(f => new BadRequest.Types.FieldViolation { Field = f, Description = "INVALID (" + f + ")" }));
            throw new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = "INVALID_ARGUMENT", Details = { Any.Pack(bad) } }.ToRpcException();
        }
        Filed.Add(request.Clone());
        return Task.FromResult(new Bansos.Protos.Complaint.V1.Complaint
        {
            ComplaintId = Guid.NewGuid().ToString(),
            Number = $"ADU-2026-{Filed.Count:D6}",
            VillageCode = request.VillageCode,
            Category = request.Category,
            Channel = request.Channel,
            HouseholdId = request.HouseholdId,
            PayoutId = request.PayoutId,
            Status = ComplaintStatus.Received,
            DueAt = Timestamp.FromDateTimeOffset(Due),
        });
    }
}
