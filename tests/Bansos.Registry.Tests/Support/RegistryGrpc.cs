using Bansos.Protos.Registry.V1;
using Grpc.Net.Client;

namespace Bansos.Registry.Tests.Support;

/// <summary>The registry's four gRPC clients over one channel (one caller).</summary>
public sealed class RegistryGrpc(GrpcChannel channel)
{
    public AreaService.AreaServiceClient Areas { get; } = new(channel);

    public HouseholdService.HouseholdServiceClient Households { get; } = new(channel);

    public CardService.CardServiceClient Cards { get; } = new(channel);

    public ImportService.ImportServiceClient Imports { get; } = new(channel);
}
