namespace CheckoutWatch.Server.Apis;

/// <summary>Who is signed in (<c>GET /api/v1/me</c>, and the answer to a JSON sign-in).</summary>
public sealed record SignedInUser(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string>? Policies, string? Method);
