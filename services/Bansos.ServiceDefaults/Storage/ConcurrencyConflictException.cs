namespace Bansos.ServiceDefaults.Storage;

/// <summary>
/// A versioned write found the row at another version than the one it read (optimistic concurrency):
/// someone else changed it in between. <see cref="TransientRetry"/> treats it as
/// transient and runs the whole unit of work again on fresh reads; when its attempts run out the gRPC
/// interceptor answers ABORTED (the client may retry).
/// </summary>
public sealed class ConcurrencyConflictException(string entity, string id)
    : Exception($"Data diubah pihak lain pada saat yang sama; silakan coba lagi ({entity} {id} was changed by someone else meanwhile; try again).")
{
    public string Entity { get; } = entity;

    public string EntityId { get; } = id;
}
