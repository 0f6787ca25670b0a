using Scalar.AspNetCore;

namespace Bansos.Gateway.OpenApi;

/// <summary><c>/openapi/v1.json</c> (the whole REST facade) and the browsable UI at <c>/docs</c> (Scalar, served locally: no CDN).</summary>
public static class DocsEndpoints
{
    public static IEndpointRouteBuilder MapRestFacadeDocs(this IEndpointRouteBuilder routes)
    {
        var document = new Lazy<string>(() => RestFacadeDocument.Build(routes.ServiceProvider.GetRequiredService<EndpointDataSource>()));
        routes.MapGet("/openapi/v1.json", () => Results.Text(document.Value, "application/json")).AllowAnonymous().ExcludeFromDescription();
        routes.MapScalarApiReference("/docs", options => options
                .WithTitle("Bansos REST facade")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return routes;
    }
}
