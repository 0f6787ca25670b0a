using Bansos.Complaint.Domain;

namespace Bansos.Complaint.Application;

/// <summary>Who asks (the token's subject) and which tickets that token reaches.</summary>
public sealed record Caller(string Subject, VillageScope Scope)
{
    /// <summary>The service itself, for consumers: every village, never masked.</summary>
    public static Caller System { get; } =
        new(AutomaticTickets.Actor, VillageScope.For(admin: true, operatorRole: false, auditor: false, terminal: false, []));
}
