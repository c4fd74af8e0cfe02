namespace CheckoutWatch.OnCall.Escalation;

/// <summary>What on-call planning needs to know about one alert at one moment.</summary>
public sealed record AlertFacts(
    string Id,
    string MerchantId,
    string Kind,
    string Severity,
    string Status,
    bool Pages,
    bool Silenced,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? LastNoteAt)
{
    public bool IsOpen => Status == "open";

    public bool IsAcknowledged => Status == "acknowledged";

    public bool IsResolved => Status == "resolved";

    /// <summary>Whether it may notify now: paging, not resolved, not silenced.</summary>
    public bool Notifiable => Pages && !IsResolved && !Silenced;
}
