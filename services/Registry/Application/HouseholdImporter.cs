using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Bansos.Registry.Data;
using Bansos.Registry.Domain;
using Bansos.Registry.Domain.Areas;
using Bansos.Registry.Domain.Households;
using Bansos.Registry.Domain.Import;
using Bansos.Registry.Domain.Reimport;
using Bansos.ServiceDefaults.Audit;
using Bansos.ServiceDefaults.Messaging;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Registry.Application;

/// <summary>
/// Imports the household CSV (docs/registry.md, "Import"). The upload is first spooled to a temporary file, so the
/// size limit and the file's SHA-256 are known before anything is written; then rows stream through
/// the domain's reader and assembler in batches of <see cref="RegistryOptions.ImportBatchSize"/>
/// households. Batches are committed together every <see cref="RegistryOptions.ImportCommitInterval"/>
/// (decision D7), or the whole file is one transaction when all-or-nothing. Memory stays flat.
/// </summary>
public sealed class HouseholdImporter(
    IDbSessions sessions,
    HouseholdStore households,
    AreaReference areas,
    IOutbox outbox,
    IAuditTrail audit,
    RegistryOptions options,
    TimeProvider clock,
    ILogger<HouseholdImporter> logger)
{
    /// <summary>Re-reads of one household whose version moved under the import before the batch gives up (the window is then retried or fails).</summary>
    private const int MaxVersionConflicts = 5;

    /// <summary>Receives the upload into a temporary file, enforcing the size limit.</summary>
    public async Task<ImportUpload> ReceiveAsync(Func<Stream, CancellationToken, Task> copyTo, CancellationToken ct)
    {
        var upload = ImportUpload.Create(options.TempDirectory, options.MaxUploadBytes);
        try
        {
            await copyTo(upload.Stream, ct);
            return upload;
        }
        catch (UploadTooLargeException)
        {
            return upload; // TooLarge is set; ImportAsync refuses it without writing anything
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
    }

    public async Task<ImportReport> ImportAsync(ImportUpload upload, ImportRequest request, string actor, CancellationToken ct)
    {
        var report = new ImportReport { ImportId = Guid.CreateVersion7() };
        if (upload.TooLarge)
        {
            report.FileError = new ValidationError("file", "FILE_TOO_LARGE",
                $"Berkas melebihi batas {options.MaxUploadText} (file exceeds the {options.MaxUploadText} limit).");
            return report;
        }

        // An empty file or a wrong header is refused as a whole before the import starts (nothing recorded).
        if (await FirstFileErrorAsync(upload, ct) is { } fileError)
        {
            report.FileError = fileError;
            return report;
        }

        var startedAt = clock.GetUtcNow();
        report.Sha256 = Convert.ToHexString(await SHA256.HashDataAsync(upload.Rewind(), ct));
        // Recorded as RUNNING before anything is written; audited once, when it ends (decision D4), or
        // by ImportRecovery at the next start if the service stops meanwhile.
        await sessions.WriteAsync(async session =>
        {
            await ImportLog.StartAsync(session, report.ImportId, request, report.Sha256, actor, startedAt, ct);
            return true;
        }, ct: ct);

        try
        {
            if (request.AllOrNothing && sessions.Dialect == DbDialect.Sqlite)
            {
                // SQLite has one writer: one transaction over the whole file would keep card blocks out
                // for as long as the import runs (decision D30). Check every row first, writing nothing;
                // only a clean file is then written, in commit windows the card commands get between.
                var check = new ImportReport { ImportId = report.ImportId, Sha256 = report.Sha256 };
                await RunAsync(upload, check, actor, dryRun: true, options.ImportCommitInterval, ct);
                if (check.RowsRejected > 0)
                {
                    check.ResetWrites();
                    await FinishAsync(null, check, request, actor, ImportStatus.Rejected, null, ct);
                    return check;
                }
            }

            var interval = request.AllOrNothing && sessions.Dialect != DbDialect.Sqlite ? TimeSpan.MaxValue : options.ImportCommitInterval;
            await RunAsync(upload, report, actor, dryRun: false, interval, ct,
                session => report.RowsRejected > 0 && request.AllOrNothing
                    ? Task.FromResult(false)
                    : FinishAsync(session, report, request, actor, ImportStatus.Committed, null, ct));
            if (request.AllOrNothing && report.RowsRejected > 0)
            {
                // Rolled back (PostgreSQL: one transaction). On SQLite the check above saw a clean
                // file: a row that fails now met a change made between the two passes.
                var kept = report.HouseholdsCreated + report.HouseholdsUpdated > 0;
                if (!kept)
                {
                    report.ResetWrites();
                }

                await FinishAsync(null, report, request, actor, kept ? ImportStatus.Failed : ImportStatus.Rejected,
                    kept ? "rows rejected after the check, by a change made meanwhile" : null, ct);
                return report;
            }

            report.Committed = true;
            logger.LogInformation(
                "Import {ImportId} done: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rows rejected",
                report.ImportId, report.HouseholdsCreated, report.HouseholdsUpdated, report.HouseholdsUnchanged, report.RowsRejected);
            return report;
        }
        catch (Exception ex)
        {
            // What earlier commit windows stored stays; the record says so, whatever stopped the import.
            var status = ex is OperationCanceledException ? ImportStatus.Aborted : ImportStatus.Failed;
            var message = ex is OperationCanceledException ? "cancelled" : ex.GetType().Name;
            logger.LogWarning(ex, "Import {ImportId} {Status} after {Created} created, {Updated} updated", report.ImportId, status,
                report.HouseholdsCreated, report.HouseholdsUpdated);
            await FinishAsync(null, report, request, actor, status, message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// One pass over the spooled file. Writing: batches go into commit windows of
    /// <paramref name="interval"/> (MaxValue: one transaction), <paramref name="finish"/> runs in the
    /// last one before it commits (returning false rolls it back); the report counts a window once it
    /// has committed. Dry run: the same decisions on a read-only snapshot (<see cref="IDbSessions.ReadAsync{T}"/>),
    /// nothing written, no write lock.
    /// </summary>
    private async Task RunAsync(
        ImportUpload upload, ImportReport report, string actor, bool dryRun, TimeSpan interval, CancellationToken ct,
        Func<DbSession, Task<bool>>? finish = null)
    {
        if (dryRun)
        {
            await sessions.ReadAsync(async snapshot =>
            {
                await PassAsync(upload, report, actor, null, snapshot, null, ct);
                return true;
            }, ct);
            return;
        }

        await using var window = await sessions.OpenWindowAsync(interval, ct);
        await PassAsync(upload, report, actor, window, null, finish, ct);
    }

    /// <summary>One pass: into <paramref name="window"/> when writing, else on the read-only <paramref name="snapshot"/>.</summary>
    private async Task PassAsync(
        ImportUpload upload, ImportReport report, string actor, CommitWindow? window, DbSession? snapshot,
        Func<DbSession, Task<bool>>? finish, CancellationToken ct)
    {
        var stream = upload.Rewind();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(RegistryOptions.Wib).DateTime);
        var historyActor = $"{actor} (impor {report.ImportId:N})";
        var uncommitted = new List<ImportBatchOutcome>();

        // Cancelled when the writer stops for any reason, so the reader never waits on a full channel.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            // Two stages on two cores: the reader parses and validates while the writer stores the
            // previous batch. The channel is bounded, so memory stays flat however large the file.
            var batches = Channel.CreateBounded<List<PreparedHousehold>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(() => ReadBatchesAsync(stream, today, historyActor, report, batches.Writer, stopReading.Token), stopReading.Token);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                if (window is null)
                {
                    AddToReport(report, [await WriteBatchAsync(snapshot!, batch, historyActor, dryRun: true, ct)]);
                    continue;
                }

                uncommitted.Add(await WriteBatchAsync(window.Session, batch, historyActor, dryRun: false, ct));
                var commits = window.Commits;
                try
                {
                    if (await window.CommitIfDueAsync(ct))
                    {
                        AddToReport(report, uncommitted);
                    }
                }
                catch when (window.Commits != commits)
                {
                    AddToReport(report, uncommitted); // committed, then cancelled while yielding: it is kept
                    throw;
                }
            }

            await reading;
            if (window is null)
            {
                return;
            }

            var last = uncommitted.ToList();
            AddToReport(report, uncommitted);
            if (finish is null || await finish(window.Session))
            {
                await window.CommitAsync(ct);
            }
            else
            {
                // Only the open window is undone: earlier windows are committed and stay counted.
                await window.RollbackAsync(ct);
                foreach (var outcome in last)
                {
                    report.Withdraw(outcome);
                }
            }
        }
        finally
        {
            await stopReading.CancelAsync();
        }
    }

    /// <summary>The file's own error (empty, wrong header) if it has one: it shows before the first household.</summary>
    private async Task<ValidationError?> FirstFileErrorAsync(ImportUpload upload, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(RegistryOptions.Wib).DateTime);
        await foreach (var item in HouseholdImport.ReadAsync(upload.Rewind(), areas, today, options.MaxLineLength, ct))
        {
            return item is ImportFileError fileError ? fileError.Error : null;
        }

        return null;
    }

    /// <summary>Closes the import's record and audits it, in the given session or a new one.</summary>
    private async Task<bool> FinishAsync(
        DbSession? session, ImportReport report, ImportRequest request, string actor, string status, string? error, CancellationToken ct)
    {
        report.Status = status;
        if (session is null)
        {
            return await sessions.WriteAsync(s => FinishAsync(s, report, request, actor, status, error, ct), ct: ct);
        }

        await ImportLog.FinishAsync(session, report, status, error, clock.GetUtcNow(), ct);
        await audit.AppendAsync(session.Connection, session.Transaction, new AuditEntry(
            actor, "IMPORT_HOUSEHOLDS", "import", report.ImportId.ToString(), null,
            JsonSerializer.Serialize(new
            {
                file = request.FileName,
                sha256 = report.Sha256,
                allOrNothing = request.AllOrNothing,
                status,
                committed = status == ImportStatus.Committed,
                created = report.HouseholdsCreated,
                updated = report.HouseholdsUpdated,
                unchanged = report.HouseholdsUnchanged,
                rowsRejected = report.RowsRejected,
                error,
            })), ct);
        return true;
    }

    private static void AddToReport(ImportReport report, List<ImportBatchOutcome> outcomes)
    {
        lock (report)
        {
            foreach (var outcome in outcomes)
            {
                report.Add(outcome);
            }
        }

        outcomes.Clear();
    }

    /// <summary>
    /// Reads the file into batches of prepared households; rejected rows and a file error go straight
    /// into the report. Preparing (fingerprint, registration) here, on the reader's core, leaves the
    /// writer only what needs the database.
    /// </summary>
    private async Task ReadBatchesAsync(
        Stream stream, DateOnly today, string actor, ImportReport report, ChannelWriter<List<PreparedHousehold>> batches, CancellationToken ct)
    {
        try
        {
            var batch = new List<PreparedHousehold>(options.ImportBatchSize);
            var at = clock.GetUtcNow(); // one clock reading per batch
            await foreach (var item in HouseholdImport.ReadAsync(stream, areas, today, options.MaxLineLength, ct))
            {
                switch (item)
                {
                    case ImportFileError fileError:
                        report.FileError = fileError.Error;
                        break;
                    case RejectedRow rejected:
                        lock (report)
                        {
                            report.Reject(rejected);
                        }

                        break;
                    case HouseholdDraft draft:
                        batch.Add(PreparedHousehold.Of(draft, actor, at, outbox));
                        if (batch.Count >= options.ImportBatchSize)
                        {
                            await batches.WriteAsync(batch, ct);
                            batch = new List<PreparedHousehold>(options.ImportBatchSize);
                            at = clock.GetUtcNow();
                        }

                        break;
                }
            }

            if (batch.Count > 0 && report.FileError is null)
            {
                await batches.WriteAsync(batch, ct);
            }

            batches.Complete();
        }
        catch (Exception ex)
        {
            batches.Complete(ex);
            throw;
        }
    }

    /// <summary>
    /// Writes one batch. When every household in it is new (a first import), the NIKs are not looked
    /// up one by one: the members' primary key is the check, inside a savepoint, and only if it
    /// refuses does the batch run again the careful way, which reports the NIK that belongs to
    /// another household.
    /// </summary>
    private async Task<ImportBatchOutcome> WriteBatchAsync(
        DbSession session, IReadOnlyList<PreparedHousehold> batch, string actor, bool dryRun, CancellationToken ct)
    {
        var stored = await households.FindByKkAsync(session, [.. batch.Select(p => p.Draft.Kk.Value)], ct);
        if (stored.Count > 0 || dryRun)
        {
            return await WriteBatchAsync(session, batch, stored, actor, optimistic: false, dryRun, ct);
        }

        await Savepoint.CreateAsync(session, "import_batch", ct);
        try
        {
            var outcome = await WriteBatchAsync(session, batch, stored, actor, optimistic: true, dryRun: false, ct);
            await Savepoint.ReleaseAsync(session, "import_batch", ct);
            return outcome;
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await Savepoint.RollbackAsync(session, "import_batch", ct);
            return await WriteBatchAsync(session, batch, stored, actor, optimistic: false, dryRun: false, ct);
        }
    }

    private async Task<ImportBatchOutcome> WriteBatchAsync(
        DbSession session, IReadOnlyList<PreparedHousehold> batch,
        Dictionary<string, StoredHouseholdKey> stored, string actor, bool optimistic, bool dryRun, CancellationToken ct)
    {
        var outcome = new ImportBatchOutcome();
        var at = clock.GetUtcNow();

        // Unchanged households are recognised by fingerprint; only the others need their NIKs checked.
        var pending = new List<(PreparedHousehold Prepared, StoredHouseholdKey? Stored)>(batch.Count);
        foreach (var prepared in batch)
        {
            var draft = prepared.Draft;
            var existing = stored.GetValueOrDefault(draft.Kk.Value);
            if (existing is not null && existing.ContentHash == prepared.Fingerprint)
            {
                outcome.HouseholdsUnchanged++;
                outcome.PersonsUnchanged += draft.Details.Members.Count;
                outcome.PersonsAccepted += draft.Details.Members.Count;
                continue;
            }

            pending.Add((prepared, existing));
        }

        var owners = optimistic
            ? []
            : await households.FindNikOwnersAsync(
                session, [.. pending.SelectMany(p => p.Prepared.Draft.Details.Members.Select(m => m.Nik.Value))], ct);
        var created = new List<NewHouseholdRows>(pending.Count);
        var messages = new List<OutboxMessage>(pending.Count);
        var history = new List<(Guid, HistoryEntry)>(pending.Count);
        foreach (var (prepared, existingKey) in pending)
        {
            // A status change (or another import) may write the household between our read and our
            // write; the versioned update then writes nothing and the household is read and decided again.
            for (var attempt = 1; !await WriteHouseholdAsync(prepared, existingKey); attempt++)
            {
                if (attempt == MaxVersionConflicts)
                {
                    throw new ConcurrencyConflictException("household", existingKey!.Id.ToString());
                }
            }
        }

        if (!dryRun)
        {
            await households.InsertAsync(session, created, ct);
            await households.AppendHistoryAsync(session, history, ct);
            // Written now, one bulk insert per batch as before, not held until the window commits
            // (an all-or-nothing import on PostgreSQL is one window: memory stays flat).
            session.Outbox.EnqueuePrepared(messages);
            await session.FlushAsync(ct);
        }

        return outcome;

        // False when the stored household changed after it was read (nothing of it written).
        async Task<bool> WriteHouseholdAsync(PreparedHousehold prepared, StoredHouseholdKey? existingKey)
        {
            var draft = prepared.Draft;
            var existing = existingKey is null ? null : await households.LoadAsync(session, existingKey.Id, ct);
            var decision = ReimportPolicy.Decide(draft, existing, owners);
            switch (decision.Outcome)
            {
                case ReimportOutcome.Conflict:
                    outcome.HouseholdsRejected++;
                    outcome.Rejected.AddRange(decision.Conflicts);
                    break;
                case ReimportOutcome.Unchanged:
                    outcome.HouseholdsUnchanged++;
                    outcome.PersonsUnchanged += draft.Details.Members.Count;
                    outcome.PersonsAccepted += draft.Details.Members.Count;
                    break;
                case ReimportOutcome.New:
                    if (prepared.Rows is null)
                    {
                        outcome.HouseholdsRejected++;
                        outcome.Rejected.AddRange(prepared.Registration.Errors.Select(e => RejectedRow.From(draft.FirstLine, e)));
                        break;
                    }

                    created.Add(prepared.Rows);
                    messages.AddRange(prepared.Events);
                    outcome.HouseholdsCreated++;
                    outcome.PersonsCreated += draft.Details.Members.Count;
                    outcome.PersonsAccepted += draft.Details.Members.Count;
                    break;
                case ReimportOutcome.Changed when existing is not null:
                    var readVersion = existing.Version;
                    var updated = existing.Update(draft.Details, actor, at);
                    if (!updated.Succeeded)
                    {
                        outcome.HouseholdsRejected++;
                        outcome.Rejected.AddRange(updated.Errors.Select(e => RejectedRow.From(draft.FirstLine, e)));
                        break;
                    }

                    if (!dryRun && !await households.UpdateDetailsAsync(session, existing, readVersion, at, ct))
                    {
                        return false;
                    }

                    messages.AddRange(updated.Events.Select(e => outbox.Prepare(e, at)));
                    history.AddRange(updated.History.Select(h => (existing.Id, h)));
                    outcome.HouseholdsUpdated++;
                    outcome.PersonsAccepted += draft.Details.Members.Count;
                    break;
            }

            return true;
        }
    }
}
