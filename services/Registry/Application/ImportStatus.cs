namespace Bansos.Registry.Application;

/// <summary>Where an import stands (<c>imports.status</c>).</summary>
public static class ImportStatus
{
    public const string Running = "RUNNING";

    /// <summary>Everything accepted is stored.</summary>
    public const string Committed = "COMMITTED";

    /// <summary>All-or-nothing with bad rows: nothing was written.</summary>
    public const string Rejected = "REJECTED";

    /// <summary>Cancelled (the client went away) or cut off by a stop: the counts say what earlier commit windows kept.</summary>
    public const string Aborted = "ABORTED";

    /// <summary>Stopped by an error: the counts say what earlier commit windows kept.</summary>
    public const string Failed = "FAILED";

    public const string InterruptedMessage = "the service stopped during the import";
}
