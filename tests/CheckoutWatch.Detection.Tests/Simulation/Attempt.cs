namespace CheckoutWatch.Detection.Tests.Simulation;

/// <summary>One generated payment attempt before its outcome is drawn.</summary>
internal sealed record Attempt(double Second, string Psp, string Method, string? Network);
