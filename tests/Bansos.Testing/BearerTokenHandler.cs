using System.Net.Http.Headers;

namespace Bansos.Testing;

/// <summary>Puts a bearer token on every request of a channel or client (none for an empty token).</summary>
public sealed class BearerTokenHandler(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
