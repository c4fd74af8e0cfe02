namespace CheckoutWatch.Detection.Alerts;

/// <summary>What happened to an alert since the previous evaluation.</summary>
public enum ChangeKind
{
    Opened = 0,
    Updated = 1,
    Resolved = 2,
    /// <summary>The same incident fired again within the cooldown: the resolved alert opens again instead of a new one.</summary>
    Reopened = 3,
}
