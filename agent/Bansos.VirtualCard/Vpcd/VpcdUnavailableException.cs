namespace Bansos.VirtualCard.Vpcd;

/// <summary>Nothing listens on vpcd's port: pcscd is not running or vsmartcard-vpcd is not installed.</summary>
public sealed class VpcdUnavailableException(string host, int port, Exception inner)
    : Exception(
        $"Pembaca virtual (vpcd) tidak menjawab di {host}:{port}; pastikan pcscd dan vsmartcard-vpcd berjalan. " +
        $"(The virtual reader (vpcd) does not answer on {host}:{port}; make sure pcscd and vsmartcard-vpcd are running.)",
        inner)
{
    public int Port { get; } = port;
}
