using System.Data.Common;
using Bansos.ServiceDefaults.Storage;
using Dapper;

namespace Bansos.Payout.Data;

/// <summary>Which cards have had their personalisation data handed out (one row per card number).</summary>
public sealed class CardPersonalisationStore
{
    /// <summary>Records the hand-out; false when the card already had it (the primary key decides, also between concurrent calls).</summary>
    public async Task<bool> TryRecordAsync(DbSession session, string cardNumber, string actor,
        DateTimeOffset now, CancellationToken ct) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO card_personalisations (card_number, actor, personalised_at) VALUES (@cardNumber, @actor, @now)
            ON CONFLICT (card_number) DO NOTHING
            """,
            new { cardNumber, actor, now }, session.Transaction, cancellationToken: ct)) == 1;
}
