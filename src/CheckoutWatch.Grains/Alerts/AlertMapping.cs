using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Knowledge;

namespace CheckoutWatch.Grains.Alerts;

/// <summary>Turns detection's pure alerts into the board/API contract.</summary>
public static class AlertMapping
{
    public static AlertChangeMessage ToMessage(AlertChange change) =>
        new(change.Kind.ToWire(), ToView(change.Alert));

    public static AlertView ToView(DetectedAlert a) => new(
        Id: "",
        Sequence: 0,
        a.MerchantId,
        a.Kind.ToWire(),
        a.Severity.ToWire(),
        a.ResolvedAt is null ? AlertStatus.Open : AlertStatus.Resolved,
        a.Title,
        Dimension(a.Dimension),
        new AlertFigures(a.ObservedRate, a.BaselineRate, a.ThresholdRate, a.Window.TotalSeconds, a.Attempts, a.Failures, a.ObservedStarts, a.ExpectedStarts),
        a.StartedAt,
        a.DetectedAt,
        a.UpdatedAt,
        AcknowledgedAt: null,
        AcknowledgedBy: null,
        a.ResolvedAt,
        ResolvedBy: a.ResolvedAt is null ? null : "auto",
        a.AffectedSessions,
        a.RevenueAtRiskMinor,
        a.Currency,
        [.. a.TopDeclineCodes.Select(c => new DeclineCodeView(c.Code, c.Count, c.Class.ToWire()))],
        a.Guidance is { } g ? Guidance(g) : null,
        [.. a.Evidence.Select(e => new EvidenceView(Dimension(e.Dimension), e.ObservedRate, e.BaselineRate, e.Attempts, e.Failures))],
        a.Pages,
        ParentId: a.ParentIncidentKey,
        a.Occurrences,
        a.IncidentKey);

    public static GuidanceView Guidance(KnowledgeEntry g) => new(
        g.Code ?? g.FailureKind?.ToString().ToLowerInvariant(),
        g.Meaning,
        g.WhoActs.ToWire(),
        g.Technical,
        g.AgentGuidance,
        g.NeverSay,
        g.InternalGuidance,
        g.RetryAdvice);

    private static AlertDimensionView Dimension(AlertDimension d) => new(d.Kind.ToWire(), d.Value);
}
