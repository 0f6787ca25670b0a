using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Application;

/// <summary>What one batch of households did, merged into the report only once its transaction committed.</summary>
public sealed class ImportBatchOutcome
{
    public int HouseholdsCreated { get; set; }
    public int HouseholdsUpdated { get; set; }
    public int HouseholdsUnchanged { get; set; }
    public int HouseholdsRejected { get; set; }
    public long PersonsCreated { get; set; }
    public long PersonsUnchanged { get; set; }
    public long PersonsAccepted { get; set; }
    public List<RejectedRow> Rejected { get; } = [];
}
