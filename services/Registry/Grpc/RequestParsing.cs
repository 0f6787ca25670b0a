using Bansos.ServiceDefaults.Hosting;

namespace Bansos.Registry.Grpc;

/// <summary>Request fields that every RPC parses the same way.</summary>
internal static class RequestParsing
{
    public static Guid HouseholdId(string value, string field = "household_id") =>
        Guid.TryParse(value, out var id)
            ? id
            : throw new ValidationException(field, "ID keluarga tidak sah (household id must be a UUID).");
}
