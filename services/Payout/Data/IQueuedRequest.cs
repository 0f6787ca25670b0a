namespace Bansos.Payout.Data;

/// <summary>A queued request of a batching loop that its caller may have given up on.</summary>
public interface IQueuedRequest
{
    /// <summary>True when the caller's token is cancelled: the request is answered as cancelled and left out.</summary>
    bool TryCancelIfRequested();
}
