using System.Diagnostics.CodeAnalysis;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Ingest;

/// <summary>
/// Either a <see cref="Failure"/> of the whole batch, or one <see cref="ParsedItem"/> per item.
/// <see cref="Events"/> and <see cref="Rejected"/> are the same items split for the server: the
/// valid events in batch order, and the rejections in the response's shape.
/// </summary>
public sealed class BatchParseResult
{
    private BatchParseResult(
        BatchFailure? failure,
        IReadOnlyList<ParsedItem> items,
        IReadOnlyList<CheckoutEvent> events,
        IReadOnlyList<RejectedEvent> rejected)
    {
        Failure = failure;
        Items = items;
        Events = events;
        Rejected = rejected;
    }

    public BatchFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Failure))]
    public bool IsBatchFailure => Failure is not null;

    /// <summary>Every item, in batch order; empty when <see cref="IsBatchFailure"/>.</summary>
    public IReadOnlyList<ParsedItem> Items { get; }

    /// <summary>The valid events, in batch order.</summary>
    public IReadOnlyList<CheckoutEvent> Events { get; }

    /// <summary>The rejected items, in batch order, ready for <see cref="IngestResponse.Rejected"/>.</summary>
    public IReadOnlyList<RejectedEvent> Rejected { get; }

    internal static BatchParseResult Fail(BatchFailureKind kind, string message) =>
        new(new BatchFailure(kind, message), [], [], []);

    internal static BatchParseResult Success(
        List<ParsedItem> items, List<CheckoutEvent> events, List<RejectedEvent> rejected) =>
        new(null, items, events, rejected);
}
