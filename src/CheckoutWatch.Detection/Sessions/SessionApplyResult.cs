namespace CheckoutWatch.Detection.Sessions;

/// <summary>What applying one event did to a session.</summary>
public readonly record struct SessionApplyResult(
    bool Duplicate,
    int InFlightDelta,
    SessionFinding? Finding)
{
    public static readonly SessionApplyResult DuplicateEvent = new(true, 0, null);
}
