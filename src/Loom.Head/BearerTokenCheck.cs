using System.Security.Cryptography;
using System.Text;
using Loom.Jobs.Api;
using Microsoft.AspNetCore.Http;

namespace Loom.Head;

/// <summary>Lets a request through only with <c>Authorization: Bearer TOKEN</c>; answers 401 with the reason otherwise.</summary>
internal sealed class BearerTokenCheck(string token, string tokenFile)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), _expected))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var why = header.Length == 0 ? "the request has no Authorization header" : "the bearer token is wrong";
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(
            new ApiError($"{why}. Send 'Authorization: Bearer TOKEN' with the token in {tokenFile} (the loom CLI does this for the same LOOM_HOME)."),
            JobsJson.Options).ConfigureAwait(false);
    }
}
