namespace Bansos.ServiceDefaults.Hosting;

/// <summary>The thing asked for does not exist: gRPC NotFound (HTTP 404). The message is for people.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException()
        : this("not found")
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
