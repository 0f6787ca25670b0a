using Microsoft.AspNetCore.Builder;

namespace Bansos.ServiceDefaults.Hosting;

public static class TranscodedProblemDetailsExtensions
{
    /// <summary>Problem details for the REST facade's errors under <paramref name="pathPrefix"/> (e.g. <c>/api/v1/complaint</c>).</summary>
    public static IApplicationBuilder UseTranscodedProblemDetails(this IApplicationBuilder app, string pathPrefix) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(pathPrefix, StringComparison.Ordinal),
            branch => branch.UseMiddleware<TranscodedProblemDetails>());
}
