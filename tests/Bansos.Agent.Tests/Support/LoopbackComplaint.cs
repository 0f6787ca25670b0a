using Bansos.Complaint.Grpc;
using Bansos.Protos.Complaint.V1;
using Bansos.ServiceDefaults.Storage;
using Bansos.Testing;

namespace Bansos.Agent.Tests.Support;

/// <summary>
/// The real complaint service (its Program, SQLite) on a loopback h2c port
/// (<see cref="ServiceHost{TMarker}.StartOnLoopbackAsync"/>), as the agent meets it through the
/// gateway's complaint route; read back with an admin token.
/// </summary>
public sealed class LoopbackComplaint : IAsyncDisposable
{
    private readonly ServiceHost<ComplaintGrpcService> host;

    private LoopbackComplaint(ServiceHost<ComplaintGrpcService> host) => this.host = host;

    public Uri Address => host.Address;

    /// <summary>What the gateway mints for a terminal at a posko of Giri Kencana (the complaint service needs no terminal row).</summary>
    public static string TerminalToken => TestTokens.Terminal(4242, "17.03.12.2003");

    public ComplaintService.ComplaintServiceClient Admin => new(host.Channel(TestTokens.Admin()));

    public static async Task<LoopbackComplaint> StartAsync() =>
        new(await ServiceHost<ComplaintGrpcService>.StartOnLoopbackAsync(Bansos.Complaint.ComplaintHosting.ServiceName, DbDialect.Sqlite,
        [
            .. TestMessaging.Settings(),
            new("Bansos:RabbitMq:WaitUntilStarted", "false"),
            new("Bansos:Outbox:RelayEnabled", "false"),
            new("Bansos:Complaint:EndpointPrefix", TestMessaging.UniqueServiceName("agent-complaint-test")),
        ]));

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
