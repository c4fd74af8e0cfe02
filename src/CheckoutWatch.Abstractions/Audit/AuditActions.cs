namespace CheckoutWatch.Abstractions.Audit;

/// <summary>Action names of the audit log (stable: they are filtered on and kept).</summary>
public static class AuditActions
{
    public const string AlertAcknowledged = "alert.acknowledge";
    public const string AlertResolved = "alert.resolve";
    public const string AlertReopened = "alert.reopen";
    public const string AlertNoted = "alert.note";
    public const string AlertSilenced = "alert.silence";
    public const string AlertEscalated = "alert.escalate";

    /// <summary>The notifier told a level's targets about a transition (opened, acknowledged, resolved).</summary>
    public const string AlertNotified = "alert.notify";

    /// <summary>The notifier reminded everyone paged: an acknowledgement went stale.</summary>
    public const string AlertRenotified = "alert.renotify";

    /// <summary>A silence reached its end time (actor <c>system</c>).</summary>
    public const string SilenceEnded = "silence.end";

    /// <summary>Someone ended a silence early.</summary>
    public const string SilenceExpired = "silence.expire";
    public const string OutreachClaimed = "outreach.claim";
    public const string OutreachReleased = "outreach.release";
    public const string OutreachClaimExpired = "outreach.claim_expired";
    public const string OutreachOutcome = "outreach.outcome";
    public const string OutreachEscalated = "outreach.escalate";
    public const string SignedIn = "session.signin";
    public const string SignInFailed = "session.signin_failed";
    public const string DisplayTokenCreated = "display_token.create";
    public const string DisplayTokenRevoked = "display_token.revoke";
    public const string IngestKeyRevoked = "ingest_key.revoke";
    public const string ConfigurationChanged = "config.change";
}
