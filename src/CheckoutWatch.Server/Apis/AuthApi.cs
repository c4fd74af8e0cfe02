using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Apis;

/// <summary>
/// Sign-in and sign-out. Each takes an HTML form (the board's sign-in pages: answered with a
/// redirect) or JSON (scripts and tests: answered with JSON or a problem).
/// </summary>
public static class AuthApi
{
    public const string Route = "/api/v1/auth";

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(Route).WithTags("Sign-in");

        auth.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimiting.Policy)
            .WithName("SignIn").WithSummary("Sign in with name and password (form or JSON); sets the session cookie.");
        auth.MapPost("/display", DisplaySignInAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimiting.Policy)
            .WithName("SignInDisplay").WithSummary("Sign a wall display in with its display token (form or JSON).");
        auth.MapPost("/signout", (Delegate)SignOutAsync).AllowAnonymous()
            .WithName("SignOut").WithSummary("End the session.");
        auth.MapGet("/providers", (BoardUserStore users, IOptions<AuthOptions> options) =>
                Results.Ok(new SignInProviders(users.Count > 0, options.Value.Oidc.Enabled)))
            .AllowAnonymous()
            .WithName("GetSignInProviders").WithSummary("Which sign-in methods this node offers.");
        auth.MapGet("/oidc", (string? returnUrl, IOptions<AuthOptions> options) => options.Value.Oidc.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [BoardAuthDefaults.OidcScheme])
                : Problems.NotFound("OpenID Connect sign-in is not configured on this node."))
            .AllowAnonymous()
            .WithName("SignInOidc").WithSummary("Start an OpenID Connect sign-in (when configured).");

        app.MapGet("/api/v1/me", async (HttpContext context, IAuthorizationService authorization) =>
            {
                var user = context.User;
                var allowed = new List<string>();
                foreach (var policy in Policies.RolesFor.Keys)
                {
                    if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
                    {
                        allowed.Add(policy);
                    }
                }

                return Results.Ok(new SignedInUser(user.Actor(), user.RolesOf(), allowed, user.FindFirst(BoardClaims.Method)?.Value));
            })
            .RequireAuthorization(Policies.ViewBoard)
            .WithTags("Sign-in").WithName("GetMe").WithSummary("The signed-in user: name, roles and the policies they pass.");
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, BoardUserStore users, IAuditLog audit, ILoggerFactory logs)
    {
        var form = await CredentialsForm.ReadAsync(context.Request, "name", "password");
        if (form.Error is { } error)
        {
            return error;
        }

        var name = form.Get("name");
        if (users.Verify(name, form.Get("password")) is not { } user)
        {
            logs.CreateLogger(nameof(AuthApi)).LogWarning("Failed sign-in for {Name} from {Address}", Printable(name), context.Connection.RemoteIpAddress);
            return form.IsHtml
                ? Results.Redirect($"{BoardAuthDefaults.SignInPage}?failed=1&returnUrl={Uri.EscapeDataString(LocalOrRoot(form.Get("returnUrl")))}")
                : Problems.Unauthorized("The name or the password is wrong.");
        }

        var principal = BoardClaims.Principal(user.Name, user.Roles, SignInMethods.Password);
        await context.SignInAsync(BoardAuthDefaults.CookieScheme, principal);
        await audit.RecordAsync(user.Name, AuditActions.SignedIn, user.Name, SignInMethods.Password);
        return form.IsHtml
            ? Results.Redirect(LocalOrRoot(form.Get("returnUrl")))
            : Results.Ok(new SignedInUser(user.Name, [.. user.Roles], null, SignInMethods.Password));
    }

    private static async Task<IResult> DisplaySignInAsync(HttpContext context, DisplayTokens tokens, IAuditLog audit)
    {
        var form = await CredentialsForm.ReadAsync(context.Request, "token");
        if (form.Error is { } error)
        {
            return error;
        }

        if (await tokens.FindActiveAsync(form.Get("token")) is not { } token)
        {
            return form.IsHtml
                ? Results.Redirect("/display.html?failed=1")
                : Problems.Unauthorized("This display token is unknown or was revoked.");
        }

        var name = "display:" + token.Name;
        await context.SignInAsync(BoardAuthDefaults.CookieScheme, BoardClaims.Principal(name, [Roles.Wall], SignInMethods.DisplayToken, token.Id));
        await audit.RecordAsync(name, AuditActions.SignedIn, token.Id, SignInMethods.DisplayToken);
        // A wall display goes to the kiosk view (wall.html).
        return form.IsHtml ? Results.Redirect("/wall.html") : Results.Ok(new SignedInUser(name, [Roles.Wall], null, SignInMethods.DisplayToken));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(BoardAuthDefaults.CookieScheme);
        return context.Request.HasFormContentType ? Results.Redirect(BoardAuthDefaults.SignInPage) : Results.NoContent();
    }

    /// <summary>Only a path on this node: an open redirect would let a link sign people in and send them elsewhere.</summary>
    internal static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 2048 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url
            : "/";

    private static string Printable(string text) => new([.. text.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
}
