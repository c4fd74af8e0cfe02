namespace CheckoutWatch.Abstractions.Audit;

/// <summary>
/// One audited action: who (<see cref="Actor"/>) did what (<see cref="Action"/>, see
/// <see cref="AuditActions"/>) to what (<see cref="Target"/>, e.g. an alert id), and a short detail.
/// <see cref="Id"/> orders entries (newest has the highest) and is the paging cursor.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string? Detail);
