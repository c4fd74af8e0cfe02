using System.Diagnostics.CodeAnalysis;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Ingest;

/// <summary>
/// The outcome for one item of a batch: a validated <see cref="Event"/>, or the
/// <see cref="Errors"/> that rejected it. <see cref="Index"/> is the item's 0-based position in the
/// JSON array, or among the non-blank lines of an NDJSON body. <see cref="EventId"/> is set whenever
/// the item carried a valid eventId, also on rejected items, so the report can name them.
/// </summary>
public readonly record struct ParsedItem(
    int Index,
    CheckoutEvent? Event,
    string? EventId,
    IReadOnlyList<ValidationError> Errors)
{
    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsValid => Event is not null;
}
