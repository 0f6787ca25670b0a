namespace Bansos.Registry;

public static class RegistryService
{
    /// <summary>The service's name: its database, queues and telemetry are named after it.</summary>
    public const string Name = "registry";
}
