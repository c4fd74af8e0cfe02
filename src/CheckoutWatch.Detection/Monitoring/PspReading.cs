namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// What a <see cref="PspMonitor"/> tells the merchants that report to it: the key of its open
/// PSP-wide alert, and its learned failure rates once they beat the platform prior (else null).
/// </summary>
public sealed record PspReading(string Psp, string? OpenIncidentKey, double? BaselineRate, double? ActionableBaselineRate);
