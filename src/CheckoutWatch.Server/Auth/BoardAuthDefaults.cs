namespace CheckoutWatch.Server.Auth;

public static class BoardAuthDefaults
{
    /// <summary>The cookie every board sign-in (password, display token, OpenID Connect) ends in.</summary>
    public const string CookieScheme = "BoardCookie";

    /// <summary>The default scheme: the ingest key when an X-Api-Key header is present, otherwise the board cookie.</summary>
    public const string SelectorScheme = "IngestKeyOrCookie";

    public const string CookieName = "cw.session";

    public const string OidcScheme = "oidc";

    public const string SignInPage = "/signin.html";
}
