namespace Bansos.Registry.Tests.Support;

/// <summary>Row counts of every table an import or a command writes: what "nothing half-written" is checked against.</summary>
public sealed record RegistryState(
    long Households, long Members, long History, long Cards, long Outbox, long Audit, long Imports, long CommittedImports)
{
    public static readonly RegistryState Empty = new(0, 0, 0, 0, 0, 0, 0, 0);
}

public static class RegistryStateExtensions
{
    public static async Task<RegistryState> StateAsync(this RegistryFactory factory) => new(
        await factory.ScalarAsync("SELECT COUNT(*) FROM households"),
        await factory.ScalarAsync("SELECT COUNT(*) FROM members"),
        await factory.ScalarAsync("SELECT COUNT(*) FROM household_history"),
        await factory.ScalarAsync("SELECT COUNT(*) FROM aid_cards"),
        await factory.ScalarAsync("SELECT COUNT(*) FROM outbox_messages"),
        await factory.ScalarAsync("SELECT COUNT(*) FROM audit_log"),
        await factory.ScalarAsync("SELECT COUNT(*) FROM imports"),
        await factory.ScalarAsync("SELECT COUNT(*) FROM imports WHERE committed = @yes", new { yes = true }));

    /// <summary>The KK numbers stored, sorted.</summary>
    public static async Task<IReadOnlyList<string>> KkNumbersAsync(this RegistryFactory factory) =>
        await factory.QueryAsync<string>("SELECT kk_number FROM households ORDER BY kk_number");

    /// <summary>The NIKs stored for one KK, in member order.</summary>
    public static async Task<IReadOnlyList<string>> NiksAsync(this RegistryFactory factory, string kk) =>
        await factory.QueryAsync<string>(
            "SELECT m.nik FROM members m JOIN households h ON h.id = m.household_id WHERE h.kk_number = @kk ORDER BY m.position", new { kk });

    public static async Task<Guid> HouseholdIdAsync(this RegistryFactory factory, string kk) =>
        (await factory.QueryAsync<Guid>("SELECT id FROM households WHERE kk_number = @kk", new { kk })).Single();

    /// <summary>Outbox rows of one event type (the stored type name holds the CLR name).</summary>
    public static Task<long> OutboxCountAsync(this RegistryFactory factory, string eventName) =>
        factory.ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE @pattern", new { pattern = $"%.{eventName},%" });
}
