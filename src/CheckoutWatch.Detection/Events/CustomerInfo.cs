namespace CheckoutWatch.Detection.Events;

/// <summary>Personal data about the paying customer; only agents may see it.</summary>
public sealed record CustomerInfo(string? Id, string? Name, string? Email, string? Phone);
