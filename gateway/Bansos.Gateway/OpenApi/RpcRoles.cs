using Bansos.ServiceDefaults.Auth;

namespace Bansos.Gateway.OpenApi;

/// <summary>
/// The roles each service allows per RPC (its <c>[Authorize(Roles = …)]</c> attributes), for the
/// OpenAPI document only: the gateway does not reference the services, so this is a copy, and
/// <c>tests/Bansos.Gateway.Tests</c> compares it with the services' attributes (every RPC, both
/// ways), so it cannot drift (docs/decisions.md D78). Enforcement stays where it is: per route
/// group at the gateway, per RPC in the service.
/// </summary>
public static class RpcRoles
{
    private const string Admin = BansosRoles.Admin;
    private const string Operator = BansosRoles.Operator;
    private const string Auditor = BansosRoles.Auditor;
    private const string Terminal = BansosRoles.Terminal;

    private static readonly string[] Readers = [Admin, Operator, Auditor];
    private static readonly string[] Staff = [Admin, Operator];
    private static readonly string[] AdminOnly = [Admin];
    private static readonly string[] AdminAuditor = [Admin, Auditor];
    private static readonly string[] TerminalOnly = [Terminal];

    /// <summary>"package.Service/Method" → the roles the service lets in.</summary>
    public static IReadOnlyDictionary<string, string[]> ByMethod { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["bansos.registry.v1.AreaService/ListProvinces"] = Readers,
        ["bansos.registry.v1.AreaService/ListRegencies"] = Readers,
        ["bansos.registry.v1.AreaService/ListDistricts"] = Readers,
        ["bansos.registry.v1.AreaService/ListVillages"] = Readers,
        ["bansos.registry.v1.AreaService/ListServedVillages"] = Readers,
        ["bansos.registry.v1.CardService/IssueCard"] = AdminOnly,
        ["bansos.registry.v1.CardService/GetCard"] = Readers,
        ["bansos.registry.v1.CardService/BlockCard"] = Staff,
        ["bansos.registry.v1.CardService/UnblockCard"] = AdminOnly,
        ["bansos.registry.v1.CardService/ReportCardLost"] = Staff,
        ["bansos.registry.v1.CardService/ReplaceCard"] = AdminOnly,
        ["bansos.registry.v1.HouseholdService/GetHousehold"] = Readers,
        ["bansos.registry.v1.HouseholdService/SearchHouseholds"] = Readers,
        ["bansos.registry.v1.HouseholdService/ChangeHouseholdStatus"] = AdminOnly,
        ["bansos.registry.v1.ImportService/ImportHouseholds"] = AdminOnly,
        ["bansos.registry.v1.ImportService/ListImports"] = AdminAuditor,
        ["bansos.payout.v1.IssuerKeyService/GetCardPersonalisation"] = AdminOnly,
        ["bansos.payout.v1.AidPeriodService/CreatePeriod"] = AdminOnly,
        ["bansos.payout.v1.AidPeriodService/GetPeriod"] = AdminOnly,
        ["bansos.payout.v1.AidPeriodService/ListPeriods"] = AdminOnly,
        ["bansos.payout.v1.AidPeriodService/OpenPeriod"] = AdminOnly,
        ["bansos.payout.v1.AidPeriodService/ClosePeriod"] = AdminOnly,
        ["bansos.payout.v1.DistributionPointService/CreateDistributionPoint"] = AdminOnly,
        ["bansos.payout.v1.DistributionPointService/ListDistributionPoints"] = AdminOnly,
        ["bansos.payout.v1.DistributionPointService/RegisterTerminal"] = AdminOnly,
        ["bansos.payout.v1.DistributionPointService/SetTerminalStatus"] = AdminOnly,
        ["bansos.payout.v1.DistributionPointService/WatchDistributionPoints"] = AdminOnly,
        ["bansos.payout.v1.PayoutReportService/GetPeriodVillageReport"] = AdminAuditor,
        ["bansos.payout.v1.PayoutReportService/GetPointDayReport"] = AdminAuditor,
        ["bansos.payout.v1.PayoutTerminalService/Ping"] = TerminalOnly,
        ["bansos.payout.v1.PayoutTerminalService/BeginPayout"] = TerminalOnly,
        ["bansos.payout.v1.PayoutTerminalService/AuthorizePayout"] = TerminalOnly,
        ["bansos.payout.v1.PayoutTerminalService/ReversePayout"] = TerminalOnly,
        ["bansos.payout.v1.PayoutTerminalService/ListTransactions"] = TerminalOnly,
        ["bansos.payout.v1.PayoutTerminalService/GetSettlement"] = TerminalOnly,
        ["bansos.payout.v1.PayoutTerminalService/RecordCardRefusal"] = TerminalOnly,
        ["bansos.complaint.v1.ComplaintService/FileComplaint"] = [Admin, Operator, Terminal],
        ["bansos.complaint.v1.ComplaintService/GetComplaint"] = Readers,
        ["bansos.complaint.v1.ComplaintService/ListComplaints"] = Readers,
        ["bansos.complaint.v1.ComplaintService/StartWork"] = Staff,
        ["bansos.complaint.v1.ComplaintService/ReopenComplaint"] = Staff,
        ["bansos.complaint.v1.ComplaintService/ResolveComplaint"] = Staff,
        ["bansos.complaint.v1.ComplaintService/RejectComplaint"] = Staff,
        ["bansos.complaint.v1.ComplaintService/AssignComplaint"] = Staff,
        ["bansos.complaint.v1.ComplaintService/AddNote"] = Staff,
        ["bansos.complaint.v1.ComplaintService/GetStatistics"] = Readers,
    };
}
