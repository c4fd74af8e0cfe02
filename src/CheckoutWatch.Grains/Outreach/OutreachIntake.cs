using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Grains.Outreach;

/// <summary>
/// A merchant grain's side of the outreach queue: turns session findings, and payment failures
/// that fall inside an open incident, into candidates, and holds them until they are delivered.
/// Contact data travels on checkout_started only, so the customers of recent sessions are kept
/// (bounded) to name the customer of a later failure.
/// </summary>
public sealed class OutreachIntake
{
    public const int MaxCustomersKept = 5000;
    public const int MaxPending = 2000;

    private readonly Dictionary<string, CustomerInfo> _customers = new(StringComparer.Ordinal);
    private readonly Queue<string> _customerOrder = new();
    private List<OutreachCandidate> _pending = [];

    public bool HasPending => _pending.Count > 0;

    public void Add(SessionFinding finding)
    {
        var reason = finding.Kind switch
        {
            SessionFindingKind.DuplicateCharge => OutreachReason.DuplicateCharge,
            SessionFindingKind.SessionStuck => OutreachReason.StuckAtPayment,
            _ => OutreachReason.RepeatedFailures,
        };
        Queue(new OutreachCandidate(reason, finding.MerchantId, finding.SessionId, finding.DetectedAt)
        {
            AmountMinor = finding.AmountMinor,
            Currency = finding.Currency,
            Psp = finding.Psp,
            PaymentMethod = finding.PaymentMethod,
            CardNetwork = finding.CardNetwork,
            DeclineCode = finding.DeclineCode,
            Customer = finding.Customer ?? _customers.GetValueOrDefault(finding.SessionId),
            FailedAttempts = finding.FailedAttempts,
        });
    }

    /// <summary>Remembers the session's customer; a failed payment inside one of <paramref name="active"/> incidents becomes a candidate.</summary>
    public void Observe(CheckoutEvent evt, IReadOnlyCollection<DetectedAlert> active)
    {
        if (evt.Customer is { } customer)
        {
            Remember(evt.SessionId, customer);
        }

        if (evt.Type != CheckoutEventType.PaymentFailed || active.Count == 0 || Incident(evt, active) is not { } incident)
        {
            return;
        }

        Queue(new OutreachCandidate(OutreachReason.IncidentFailure, evt.MerchantId, evt.SessionId, evt.OccurredAt)
        {
            AmountMinor = evt.AmountMinor,
            Currency = evt.Currency,
            Psp = evt.Psp,
            PaymentMethod = evt.PaymentMethod,
            CardNetwork = evt.CardNetwork,
            DeclineCode = evt.DeclineCode,
            FailureKind = evt.FailureKind.ToWire(),
            Customer = _customers.GetValueOrDefault(evt.SessionId),
            IncidentKey = incident.IncidentKey,
            FailedAttempts = 1,
        });
    }

    /// <summary>The candidates to send; hand them back with <see cref="Requeue"/> when sending failed.</summary>
    public ImmutableArray<OutreachCandidate> Drain()
    {
        var batch = _pending.ToImmutableArray();
        _pending = [];
        return batch;
    }

    public void Requeue(ImmutableArray<OutreachCandidate> batch)
    {
        _pending.InsertRange(0, batch);
        Trim();
    }

    /// <summary>The most severe open failure incident whose slice the failed payment belongs to.</summary>
    private static DetectedAlert? Incident(CheckoutEvent evt, IReadOnlyCollection<DetectedAlert> active) => active
        .Where(a => a.Kind == AlertKind.PaymentFailureSpike && Covers(a.Dimension, evt))
        .OrderByDescending(a => a.Severity)
        .ThenBy(a => a.Dimension.Kind)
        .FirstOrDefault();

    private static bool Covers(AlertDimension dimension, CheckoutEvent evt) => dimension.Kind switch
    {
        DimensionKind.Merchant => true,
        DimensionKind.Psp => Same(dimension.Value, evt.Psp),
        DimensionKind.PaymentMethod => Same(dimension.Value, evt.PaymentMethod),
        DimensionKind.CardNetwork => Same(dimension.Value, evt.CardNetwork),
        DimensionKind.DeclineCode => Same(dimension.Value, evt.DeclineCode),
        // Decline classes come from the knowledge base; the merchant-level grain does not re-derive them here.
        _ => true,
    };

    private static bool Same(string expected, string? actual) => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);

    private void Remember(string sessionId, CustomerInfo customer)
    {
        if (_customers.TryAdd(sessionId, customer))
        {
            _customerOrder.Enqueue(sessionId);
            while (_customerOrder.Count > MaxCustomersKept)
            {
                _customers.Remove(_customerOrder.Dequeue());
            }
        }
    }

    private void Queue(OutreachCandidate candidate)
    {
        _pending.Add(candidate);
        Trim();
    }

    // Oldest first out: if the outreach grain stays unreachable this long, the newest cases matter most.
    private void Trim()
    {
        if (_pending.Count > MaxPending)
        {
            _pending.RemoveRange(0, _pending.Count - MaxPending);
        }
    }
}
