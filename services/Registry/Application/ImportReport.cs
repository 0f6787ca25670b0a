using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Import;

namespace Bansos.Registry.Application;

/// <summary>What an import did: counts, the rejected rows (the first <see cref="MaxListedRejections"/>) and whether it committed.</summary>
public sealed class ImportReport
{
    public const int MaxListedRejections = 1_000;

    private readonly List<RejectedRow> rejected = [];
    private readonly HashSet<long> rejectedLines = [];
    private readonly HashSet<string> rejectedKks = new(StringComparer.Ordinal);

    public Guid ImportId { get; init; }

    public int HouseholdsCreated { get; private set; }

    public int HouseholdsUpdated { get; private set; }

    public int HouseholdsUnchanged { get; private set; }

    public int HouseholdsRejected { get; private set; }

    public long PersonsCreated { get; private set; }

    public long PersonsUnchanged { get; private set; }

    public long PersonsAccepted { get; private set; }

    /// <summary>Distinct lines rejected (one line may have several reasons).</summary>
    public long RowsRejected => rejectedLines.Count;

    public long RowsRead => PersonsAccepted + RowsRejected;

    public IReadOnlyList<RejectedRow> Rejected => rejected;

    /// <summary>A problem with the file as a whole (empty, wrong header, too large): nothing was imported.</summary>
    public ValidationError? FileError { get; set; }

    public bool Committed { get; set; }

    /// <summary>How the import ended (<see cref="ImportStatus"/>); empty for an upload refused before it started.</summary>
    public string Status { get; set; } = "";

    public string Sha256 { get; set; } = "";

    /// <summary>A row the reader or assembler rejected; the household it names (its KK) counts as rejected once.</summary>
    public void Reject(RejectedRow row)
    {
        if (row.Kk is { } kk && rejectedKks.Add(kk))
        {
            HouseholdsRejected++;
        }

        AddRejected(row);
    }

    private void AddRejected(RejectedRow row)
    {
        rejectedLines.Add(row.Line);
        if (rejected.Count < MaxListedRejections)
        {
            rejected.Add(row);
        }
    }

    /// <summary>Adds what one committed batch did.</summary>
    public void Add(ImportBatchOutcome batch)
    {
        HouseholdsCreated += batch.HouseholdsCreated;
        HouseholdsUpdated += batch.HouseholdsUpdated;
        HouseholdsUnchanged += batch.HouseholdsUnchanged;
        HouseholdsRejected += batch.HouseholdsRejected;
        PersonsCreated += batch.PersonsCreated;
        PersonsUnchanged += batch.PersonsUnchanged;
        PersonsAccepted += batch.PersonsAccepted;
        foreach (var row in batch.Rejected)
        {
            AddRejected(row); // the batch counted its own rejected households
        }
    }

    /// <summary>All-or-nothing rolled back: nothing was created or changed after all.</summary>
    /// <summary>Takes back the write counts of a batch whose window was rolled back (its rejected rows stay reported).</summary>
    public void Withdraw(ImportBatchOutcome batch)
    {
        HouseholdsCreated -= batch.HouseholdsCreated;
        HouseholdsUpdated -= batch.HouseholdsUpdated;
        HouseholdsUnchanged -= batch.HouseholdsUnchanged;
        PersonsCreated -= batch.PersonsCreated;
        PersonsUnchanged -= batch.PersonsUnchanged;
    }

    public void ResetWrites()
    {
        HouseholdsCreated = HouseholdsUpdated = HouseholdsUnchanged = 0;
        PersonsCreated = PersonsUnchanged = 0;
    }
}
