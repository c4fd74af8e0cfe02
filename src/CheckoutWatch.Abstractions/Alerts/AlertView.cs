using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>
/// An alert as boards and the API see it. One incident is one alert (stable <see cref="Id"/>)
/// that updates; every change gets a new, cluster-wide monotonic <see cref="Sequence"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertView(
    [property: Id(0)] string Id,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string MerchantId,
    [property: Id(3)] string Kind,
    [property: Id(4)] string Severity,
    [property: Id(5)] string Status,
    [property: Id(6)] string Title,
    [property: Id(7)] AlertDimensionView Dimension,
    [property: Id(8)] AlertFigures Figures,
    [property: Id(9)] DateTimeOffset StartedAt,
    [property: Id(10)] DateTimeOffset DetectedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] DateTimeOffset? AcknowledgedAt,
    [property: Id(13)] string? AcknowledgedBy,
    [property: Id(14)] DateTimeOffset? ResolvedAt,
    [property: Id(15)] string? ResolvedBy,
    [property: Id(16)] int AffectedSessions,
    [property: Id(17)] long RevenueAtRiskMinor,
    [property: Id(18)] string? Currency,
    [property: Id(19)] ImmutableArray<DeclineCodeView> TopDeclineCodes,
    [property: Id(20)] GuidanceView? Guidance,
    [property: Id(21)] ImmutableArray<EvidenceView> Evidence,
    [property: Id(22)] bool Pages,
    [property: Id(23)] string? ParentId,
    [property: Id(24)] int Occurrences,
    [property: Id(25)] string IncidentKey,
    [property: Id(30)] AlertSilenceMark? Silenced = null,
    [property: Id(31)] DeliveryStatusView? Delivery = null,
    [property: Id(32)] int NoteCount = 0,
    [property: Id(33)] AlertNoteView? LatestNote = null);
