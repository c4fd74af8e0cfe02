using CheckoutWatch.Server.Auth;
using Microsoft.Net.Http.Headers;

namespace CheckoutWatch.Server.Security;

/// <summary>
/// Refuses cross-site requests that could ride on the board cookie: every state-changing request
/// (and every WebSocket upgrade) that carries the cookie or goes to the sign-in endpoints must
/// prove it comes from this origin, with <c>Sec-Fetch-Site: same-origin</c> or an <c>Origin</c>
/// equal to the node's own. Browsers send both on their own; scripts add <c>Origin</c>. Ingest
/// calls with an <c>X-Api-Key</c> and no cookie are not cookie-authenticated and pass.
/// Together with the SameSite=Strict cookie this replaces antiforgery tokens, which a static
/// board without inline script could not embed.
/// </summary>
internal static class SameOriginGuard
{
    public static IApplicationBuilder UseSameOriginGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var mutating = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var upgrade = context.WebSockets.IsWebSocketRequest;
        var withCookie = request.Cookies.ContainsKey(BoardAuthDefaults.CookieName);
        var signIn = request.Path.StartsWithSegments("/api/v1/auth", StringComparison.OrdinalIgnoreCase);
        if ((mutating || upgrade) && (withCookie || signIn) && !IsSameOrigin(request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Type = "https://checkoutwatch.dev/problems/cross-origin",
                    Title = "Cross-origin request refused.",
                    Detail = "A request with the session cookie must come from the board's own origin (Sec-Fetch-Site: same-origin or a matching Origin header).",
                },
            });
            return;
        }

        await next(context);
    });

    internal static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (fetchSite.Length == 0 && origin.Length == 0)
        {
            return false;
        }

        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }

        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
