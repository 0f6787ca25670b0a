using Bansos.Complaint.Data;
using Bansos.Complaint.Domain;
using Bansos.ServiceDefaults.Hosting;
using Bansos.ServiceDefaults.Storage;

namespace Bansos.Complaint.Application;

/// <summary>Reading tickets within the caller's villages: one, a page, statistics.</summary>
public sealed class ComplaintQueries(IDbSessions sessions, ComplaintStore store, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public Task<ComplaintView> GetAsync(Caller caller, Guid complaintId, CancellationToken ct) =>
        sessions.ReadAsync(async session =>
        {
            var complaint = await store.GetAsync(session, complaintId, ct) ?? throw new NotFoundException(ComplaintMessages.NotFound);
            if (!caller.Scope.CanSee(complaint.VillageCode))
            {
                throw new VillageNotAllowedException(ComplaintMessages.VillageNotServed);
            }

            return new ComplaintView(complaint, await store.HistoryAsync(session, complaint.Id, ct), complaint.SlaAt(time.GetUtcNow()));
        }, ct);

    /// <summary>A page (newest first) and the cursor of the next one, null on the last page.</summary>
    public Task<(IReadOnlyList<ComplaintView> Page, ListCursor? Next)> ListAsync(Caller caller, ComplaintFilter filter, ListCursor? after,
        int pageSize, CancellationToken ct)
    {
        var size = pageSize <= 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        return sessions.ReadAsync<(IReadOnlyList<ComplaintView>, ListCursor?)>(async session =>
        {
            var now = time.GetUtcNow();
            var rows = await store.ListAsync(session, filter, VillagesOf(caller), after, size + 1, now, ct);
            var page = rows.Take(size).Select(c => new ComplaintView(c, [], c.SlaAt(now))).ToList();
            var next = rows.Count > size ? new ListCursor(page[^1].Complaint.FiledAt, page[^1].Complaint.Id) : null;
            return (page, next);
        }, ct);
    }

    public Task<IReadOnlyList<CategoryFigures>> StatisticsAsync(Caller caller, ComplaintFilter filter, CancellationToken ct) =>
        sessions.ReadAsync(async session =>
        {
            var now = time.GetUtcNow();
            return ComplaintStatistics.Compute(await store.StatisticsInputAsync(session, filter, VillagesOf(caller), now, ct), now);
        }, ct);

    /// <summary>Null for callers who see every village; the served villages (possibly none) otherwise.</summary>
    private static IReadOnlyCollection<string>? VillagesOf(Caller caller) => caller.Scope.All ? null : caller.Scope.Villages;
}
