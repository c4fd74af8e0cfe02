using CheckoutWatch.Detection.Knowledge;

namespace CheckoutWatch.Detection.Alerts;

/// <summary>
/// How often a decline code (or, without a code, the failure kind: "error", "timeout") occurred
/// among the alert's failures.
/// </summary>
public sealed record DeclineCodeCount(string Code, int Count, DeclineClass Class);
