using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Audit;

/// <summary>Audit entries, newest first; <see cref="Next"/> is the <c>before</c> cursor of the next page, null on the last.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditPage(
    [property: Id(0)] ImmutableArray<AuditEntry> Entries,
    [property: Id(1)] string? Next);
