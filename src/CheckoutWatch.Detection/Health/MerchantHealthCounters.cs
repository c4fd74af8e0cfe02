using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Detection.Health;

/// <summary>
/// Per-second counters of one merchant — checkouts started, payment attempts, successes and
/// failures — in total and broken down by PSP, payment method, card network and decline code,
/// over the last five minutes, plus the in-flight session count.
/// </summary>
public sealed class MerchantHealthCounters(string merchantId)
{
    public const int SpanSeconds = 300;
    public const int HistoryPointSeconds = 10;

    // Bounds the breakdown tables: a hostile or buggy client inventing a new PSP name per event
    // must not grow a merchant without limit. Values past the cap are counted under "(other)".
    public const int MaxValuesPerDimension = 64;
    public const string OtherValue = "(other)";

    private readonly SecondRing _total = new(SpanSeconds);
    private readonly Dictionary<(BreakdownDimension, string), SecondRing> _breakdown = [];
    private readonly int[] _valuesPerDimension = new int[4];

    public string MerchantId { get; } = merchantId;
    public int InFlightSessions { get; private set; }
    public long EventsCounted { get; private set; }

    /// <summary>Counts one accepted event at <paramref name="at"/> (event time clamped by the caller).</summary>
    public void Record(CheckoutEvent evt, DateTimeOffset at)
    {
        EventsCounted++;
        var counts = evt.Type switch
        {
            CheckoutEventType.CheckoutStarted => new OutcomeCounts(1, 0, 0, 0),
            CheckoutEventType.PaymentSubmitted => new OutcomeCounts(0, 1, 0, 0),
            CheckoutEventType.PaymentSucceeded => new OutcomeCounts(0, 0, 1, 0),
            CheckoutEventType.PaymentFailed => new OutcomeCounts(0, 0, 0, 1),
            _ => default,
        };
        if (counts == default)
        {
            return;
        }

        _total.Add(at, counts);
        if (!evt.IsPaymentEvent)
        {
            return;
        }

        AddTo(BreakdownDimension.Psp, evt.Psp, at, counts);
        AddTo(BreakdownDimension.PaymentMethod, evt.PaymentMethod, at, counts);
        AddTo(BreakdownDimension.CardNetwork, evt.CardNetwork, at, counts);
        if (evt.Type == CheckoutEventType.PaymentFailed)
        {
            AddTo(BreakdownDimension.DeclineCode, evt.DeclineCode ?? evt.FailureKind.ToWire(), at, counts);
        }
    }

    public void AddInFlight(int delta) => InFlightSessions = Math.Max(0, InFlightSessions + delta);

    /// <summary>The tile figures as of <paramref name="now"/>.</summary>
    public HealthFigures Snapshot(DateTimeOffset now, int historyPoints = 30)
    {
        _total.AdvanceTo(now);
        var history = new HealthPoint[Math.Min(historyPoints, SpanSeconds / HistoryPointSeconds)];
        for (var i = 0; i < history.Length; i++)
        {
            var ago = (history.Length - 1 - i) * HistoryPointSeconds;
            var counts = _total.Sum(ago, HistoryPointSeconds);
            history[i] = new HealthPoint(now.AddSeconds(-ago), counts.Outcomes, counts.SuccessRate);
        }

        return new HealthFigures(MerchantId, now, _total.Sum(60), _total.Sum(SpanSeconds), InFlightSessions, history);
    }

    /// <summary>Every value of <paramref name="dimension"/> seen in the last <paramref name="seconds"/> seconds.</summary>
    public IReadOnlyList<BreakdownRow> Breakdown(BreakdownDimension dimension, DateTimeOffset now, int seconds = SpanSeconds)
    {
        var rows = new List<BreakdownRow>();
        foreach (var ((dim, value), ring) in _breakdown)
        {
            if (dim != dimension)
            {
                continue;
            }

            ring.AdvanceTo(now);
            var counts = ring.Sum(seconds);
            if (counts != default)
            {
                rows.Add(new BreakdownRow(dim, value, counts));
            }
        }

        rows.Sort((a, b) => b.Counts.Attempts + b.Counts.Outcomes - (a.Counts.Attempts + a.Counts.Outcomes));
        return rows;
    }

    private void AddTo(BreakdownDimension dimension, string? value, DateTimeOffset at, OutcomeCounts counts)
    {
        if (value is null)
        {
            return;
        }

        if (!_breakdown.TryGetValue((dimension, value), out var ring))
        {
            if (_valuesPerDimension[(int)dimension] >= MaxValuesPerDimension)
            {
                value = OtherValue;
                if (!_breakdown.TryGetValue((dimension, value), out ring))
                {
                    ring = new SecondRing(SpanSeconds);
                    _breakdown[(dimension, value)] = ring;
                }
            }
            else
            {
                ring = new SecondRing(SpanSeconds);
                _breakdown[(dimension, value)] = ring;
                _valuesPerDimension[(int)dimension]++;
            }
        }

        ring.Add(at, counts);
    }
}
