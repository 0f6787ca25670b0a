using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Bansos.Complaint.Domain;

/// <summary>
/// The complaint service's settings (<c>Bansos:Complaint:*</c>), validated at start-up: a bad value
/// stops the service with a message naming the key. SLA in WIB calendar days per category.
/// </summary>
public sealed class ComplaintOptions
{
    public const string Section = "Bansos:Complaint";

    [Required]
    [ValidateObjectMembers]
    public SlaDays Sla { get; set; } = new();

    /// <summary>Queues are "&lt;prefix&gt;-&lt;consumer&gt;"; tests give each host its own prefix on a shared broker.</summary>
    [Required]
    public string EndpointPrefix { get; set; } = "complaint";

    /// <summary>How long after its resolution a ticket may be reopened.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Longest description, note or resolution, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 4_000;

    /// <summary>Days to resolve a ticket of each category (<c>Bansos:Complaint:Sla:PinForgottenOrBlocked</c>, …).</summary>
    public sealed class SlaDays
    {
        [Range(1, 365)]
        public int PinForgottenOrBlocked { get; set; } = 1;

        [Range(1, 365)]
        public int CardLostOrBroken { get; set; } = 3;

        [Range(1, 365)]
        public int WrongAmount { get; set; } = 3;

        [Range(1, 365)]
        public int UnfairAgentCharge { get; set; } = 7;

        [Range(1, 365)]
        public int NotRegistered { get; set; } = 14;

        [Range(1, 365)]
        public int WrongRecipient { get; set; } = 7;

        [Range(1, 365)]
        public int ApplicationHardToUse { get; set; } = 7;

        [Range(1, 365)]
        public int Other { get; set; } = 7;

        public int For(ComplaintCategory category) => category switch
        {
            ComplaintCategory.PinForgottenOrBlocked => PinForgottenOrBlocked,
            ComplaintCategory.CardLostOrBroken => CardLostOrBroken,
            ComplaintCategory.WrongAmount => WrongAmount,
            ComplaintCategory.UnfairAgentCharge => UnfairAgentCharge,
            ComplaintCategory.NotRegistered => NotRegistered,
            ComplaintCategory.WrongRecipient => WrongRecipient,
            ComplaintCategory.ApplicationHardToUse => ApplicationHardToUse,
            ComplaintCategory.Other => Other,
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
        };
    }
}
