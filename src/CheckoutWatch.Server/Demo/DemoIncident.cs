namespace CheckoutWatch.Server.Demo;

/// <summary>An injected problem: one merchant's PSP fails, or its 3-D Secure step hangs.</summary>
internal sealed record DemoIncident(string MerchantId, string Psp, bool ThreeDsHang, DateTimeOffset Until);
