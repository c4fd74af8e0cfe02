namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>Wire values of <see cref="AlertView.Status"/>.</summary>
public static class AlertStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static bool IsKnown(string status) => status is Open or Acknowledged or Resolved;
}
