using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Audit;

/// <summary>
/// One UTC day of the audit log, keyed <c>yyyy-MM-dd</c>, persisted. Write through
/// <see cref="IAuditLog"/>, which picks the day.
/// </summary>
public interface IAuditLogGrain : IGrainWithStringKey
{
    Task<AuditEntry> AppendAsync(DateTimeOffset at, string actor, string action, string target, string? detail);

    /// <summary>Up to <c>query.Limit</c> matching entries of this day, newest first.</summary>
    Task<ImmutableArray<AuditEntry>> QueryAsync(AuditQuery query);
}
