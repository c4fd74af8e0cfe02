namespace CheckoutWatch.Abstractions.Audit;

/// <summary>
/// Filters for the audit log: exact actor, action (or a prefix ending in '.', e.g. <c>alert.</c>),
/// target, a time range, and a page of <see cref="Limit"/> entries older than <see cref="Before"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditQuery(
    [property: Id(0)] string? Actor = null,
    [property: Id(1)] string? Action = null,
    [property: Id(2)] string? Target = null,
    [property: Id(3)] DateTimeOffset? From = null,
    [property: Id(4)] DateTimeOffset? To = null,
    [property: Id(5)] string? Before = null,
    [property: Id(6)] int Limit = 100)
{
    public bool Matches(AuditEntry entry) =>
        (Actor is null || string.Equals(entry.Actor, Actor, StringComparison.Ordinal))
        && (Action is null || (Action.EndsWith('.') ? entry.Action.StartsWith(Action, StringComparison.Ordinal) : entry.Action == Action))
        && (Target is null || string.Equals(entry.Target, Target, StringComparison.Ordinal))
        && (From is null || entry.At >= From)
        && (To is null || entry.At < To)
        && (Before is null || string.CompareOrdinal(entry.Id, Before) < 0);
}
