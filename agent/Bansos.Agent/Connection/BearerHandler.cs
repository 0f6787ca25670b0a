using System.Net.Http.Headers;

namespace Bansos.Agent.Connection;

/// <summary>
/// Puts a bearer token on every request: the development h2c channel of bansos-agent and the admin
/// token of bansos-pcsc (linked there, see <see cref="GatewayTrust"/>).
/// </summary>
internal sealed class BearerHandler(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
