using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.LoadTests.Generator;

/// <summary>A failure as a PSP reports it: an ISO 8583-style code and what kind of failure it is.</summary>
public sealed record Decline(string Code, FailureKind Kind);
