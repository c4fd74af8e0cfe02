namespace CheckoutWatch.Detection.Alerts;

/// <summary>How bad an alert is. Critical and major page the on-call engineer; minor stays on the board.</summary>
public enum AlertSeverity
{
    Minor = 0,
    Major = 1,
    Critical = 2,
}
