namespace CheckoutWatch.Detection.Sessions;

/// <summary>What applying one event did to a session.</summary>
public readonly record struct SessionApplyResult(
    bool Duplicate,
    int InFlightDelta,
    SessionFinding? Finding)
{
    public static readonly SessionApplyResult DuplicateEvent = new(true, 0, null);

    /// <summary>The session already holds its maximum of distinct events: this one was not applied.</summary>
    public static readonly SessionApplyResult SessionFull = new(false, 0, null) { Refused = true };

    /// <summary>True when the event was neither applied nor a duplicate (see <see cref="SessionFull"/>).</summary>
    public bool Refused { get; init; }
}
