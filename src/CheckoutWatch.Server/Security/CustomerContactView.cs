namespace CheckoutWatch.Server.Security;

/// <summary>A customer's contact data as a role may see it; <see cref="Masked"/> says which form this is.</summary>
public sealed record CustomerContactView(string? Id, string? Name, string? Email, string? Phone, bool Masked);
