namespace CheckoutWatch.Abstractions.Audit;

/// <summary>
/// The audit log as other code uses it (API handlers, grains): record who did what to what.
/// Registered in the node's services; grains can take it in their constructor.
/// </summary>
public interface IAuditLog
{
    /// <param name="actor">the signed-in person (or <c>system</c>)</param>
    /// <param name="action">one of <see cref="AuditActions"/></param>
    /// <param name="target">what was acted on: an alert id, a token id, a key name…</param>
    /// <param name="detail">a short free text (never secrets, never customer contact data)</param>
    Task<AuditEntry> RecordAsync(string actor, string action, string target, string? detail = null);

    Task<AuditPage> QueryAsync(AuditQuery query);
}
