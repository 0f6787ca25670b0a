using Bansos.Card;
using Microsoft.Extensions.Caching.Memory;

namespace Bansos.Payout.Keys;

/// <summary>
/// Derived K_card values, so a busy card costs one KDF, not one per payout. Bounded (a national
/// card base would not fit) and sliding, so the cards in use stay in memory.
/// </summary>
public sealed class CardKeyCache(IIssuerKeyStore keyStore, PayoutOptions options) : IDisposable
{
    private static readonly TimeSpan Sliding = TimeSpan.FromHours(1);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.CardKeyCacheSize });

    /// <summary>K_card for the card; the array is shared, callers must not change it.</summary>
    public byte[] Get(CardNumber cardNumber) =>
        cache.GetOrCreate(cardNumber.Digits, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = Sliding;
            return keyStore.DeriveCardKey(cardNumber);
        })!;

    public void Dispose() => cache.Dispose();
}
