namespace CheckoutWatch.Server.Auth;

/// <summary>Values of the <see cref="BoardClaims.Method"/> claim.</summary>
public static class SignInMethods
{
    public const string Password = "password";
    public const string DisplayToken = "display-token";
    public const string Oidc = "oidc";
}
