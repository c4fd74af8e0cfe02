namespace CheckoutWatch.Server.Apis;

/// <summary>Which sign-in methods the node offers (the sign-in page shows the matching controls).</summary>
public sealed record SignInProviders(bool Password, bool Oidc);
