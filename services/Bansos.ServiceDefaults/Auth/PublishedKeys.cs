using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Bansos.ServiceDefaults.Auth;

/// <summary>
/// The gateway's public keys as the JWT bearer handler asks for them: read from a JWKS file, the
/// gateway's JWKS address or inline, cached for <see cref="BansosAuthOptions.KeyRefreshInterval"/>,
/// read again sooner when a token names a key the cache does not hold (a rotation), at most once
/// per 30 seconds. A failed fetch keeps the last good keys.
/// </summary>
internal sealed class PublishedKeys(BansosAuthOptions options, HttpClient http, TimeProvider time)
    : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    private static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset fetchedAt = DateTimeOffset.MinValue;
    private bool refreshRequested;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        if (current is { } cached && !IsDue(now))
        {
            return cached;
        }

        await gate.WaitAsync(cancel);
        try
        {
            now = time.GetUtcNow();
            if (current is { } again && !IsDue(now))
            {
                return again;
            }

            try
            {
                var keys = new JsonWebKeySet(await ReadJwksAsync(cancel));
                var configuration = new OpenIdConnectConfiguration { Issuer = options.Issuer };
                foreach (var key in keys.GetSigningKeys())
                {
                    configuration.SigningKeys.Add(key);
                }

                current = configuration;
            }
            catch (Exception ex) when (current is not null && ex is HttpRequestException or IOException or ArgumentException or TaskCanceledException)
            {
                // keep the last good keys; the next due check tries again
            }

            fetchedAt = now;
            refreshRequested = false;
            return current!;
        }
        finally
        {
            gate.Release();
        }
    }

    public void RequestRefresh() => refreshRequested = true;

    public void Dispose() => gate.Dispose();

    private bool IsDue(DateTimeOffset now) =>
        now - fetchedAt >= options.KeyRefreshInterval || (refreshRequested && now - fetchedAt >= MinimumRefresh);

    private async Task<string> ReadJwksAsync(CancellationToken cancel)
    {
        if (options.Jwks is { } inline)
        {
            return inline;
        }

        if (options.JwksFile is { } file)
        {
            return await File.ReadAllTextAsync(file, cancel);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await http.GetStringAsync(options.JwksUri, timeout.Token);
    }
}
