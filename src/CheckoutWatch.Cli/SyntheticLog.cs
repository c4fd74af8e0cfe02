using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Cli;

/// <summary>
/// A synthetic event log: full checkout sessions (start, payment, 3-D Secure for some, outcome,
/// retries, completion) for a few merchants with Poisson arrivals, plus injected incidents:
/// a technical outage on merchant 1's main PSP, a traffic drop on merchant 2, payments on
/// merchant 3's second PSP that never get an answer (stuck), all in the window from the middle of
/// the log; and, earlier (<see cref="PspWideStart"/>), a PSP-wide outage of the second PSP that
/// fails 40 % of every merchant's payments on it. Merchant m gets rate / (1 + (m - 1) / 4)
/// checkouts per second, so no merchant dominates a PSP.
/// </summary>
public sealed class SyntheticLog(int seed, int merchants, int minutes, double rate, string incident)
{
    private static readonly string[] _psps = ["adyen", "stripe", "checkout"];
    private static readonly string[] _customerCodes = ["51", "05", "N7", "54", "14"];
    private readonly Random _rng = new(seed);
    private readonly DateTimeOffset _start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly List<CheckoutEvent> _events = [];
    private int _id;

    public DateTimeOffset IncidentStart => _start.AddMinutes(minutes / 2.0);
    public DateTimeOffset IncidentEnd => IncidentStart.AddMinutes(Math.Min(5, minutes / 4.0));

    /// <summary>The PSP-wide outage (incident "pspwide") runs from a quarter into the log for up to 3 minutes.</summary>
    public DateTimeOffset PspWideStart => _start.AddMinutes(minutes / 4.0);
    public DateTimeOffset PspWideEnd => PspWideStart.AddMinutes(Math.Min(3, minutes / 8.0));

    /// <summary>The incident kinds <see cref="SyntheticLog"/> knows, "all" and "none".</summary>
    public static readonly IReadOnlyList<string> IncidentKinds = ["psp", "pspwide", "traffic", "stuck", "all", "none"];

    public List<CheckoutEvent> Generate()
    {
        for (var m = 1; m <= merchants; m++)
        {
            var merchant = $"m{m}";
            var perSecond = rate / (1 + (m - 1) / 4.0);
            for (var second = 0; second < minutes * 60; second++)
            {
                var at = _start.AddSeconds(second);
                var starts = Poisson(perSecond * (Is("traffic") && m == 2 && InIncident(at) ? 0.1 : 1));
                for (var i = 0; i < starts; i++) Session(merchant, m, at.AddSeconds(_rng.NextDouble()));
            }
        }

        // A recorded log ends at one moment: sessions still running then are cut off, as in production.
        var end = _start.AddMinutes(minutes);
        _events.RemoveAll(e => e.OccurredAt >= end);
        _events.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        return _events;
    }

    private void Session(string merchant, int m, DateTimeOffset start)
    {
        var session = $"{merchant}-s{_id++}";
        var amount = 1_000 + _rng.Next(30_000);
        Add(new CheckoutEvent(Id(), merchant, session, CheckoutEventType.CheckoutStarted, start) { AmountMinor = amount, Currency = "EUR" });
        if (_rng.NextDouble() < 0.2) return; // left before paying
        var at = start.AddSeconds(10 + _rng.Next(50));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var psp = _psps[_rng.NextDouble() < 0.6 ? 0 : _rng.NextDouble() < 0.7 ? 1 : 2];
            var card = _rng.NextDouble() < 0.85;
            var template = new CheckoutEvent("", merchant, session, CheckoutEventType.PaymentSubmitted, at)
            {
                AmountMinor = amount,
                Currency = "EUR",
                Psp = psp,
                PaymentMethod = card ? "card" : "paypal",
                CardNetwork = card ? (_rng.NextDouble() < 0.6 ? "visa" : "mastercard") : null,
            };
            Add(template with { EventId = Id() });
            if (Is("stuck") && m == 3 && psp == "stripe" && InIncident(at) && _rng.NextDouble() < 0.3) return;
            if (card && _rng.NextDouble() < 0.15)
            {
                at = at.AddSeconds(1);
                Add(template with { EventId = Id(), Type = CheckoutEventType.PaymentActionRequired, OccurredAt = at });
                at = at.AddSeconds(5 + _rng.Next(25));
            }
            else
            {
                at = at.AddSeconds(1 + _rng.NextDouble() * 2);
            }

            var outage = (Is("psp") && m == 1 && psp == "adyen" && InIncident(at) && _rng.NextDouble() < 0.32)
                || (Is("pspwide") && psp == "stripe" && at >= PspWideStart && at < PspWideEnd && _rng.NextDouble() < 0.4);
            var u = _rng.NextDouble();
            if (!outage && u >= 0.05)
            {
                Add(template with { EventId = Id(), Type = CheckoutEventType.PaymentSucceeded, OccurredAt = at });
                Add(template with { EventId = Id(), Type = CheckoutEventType.CheckoutCompleted, OccurredAt = at.AddSeconds(1) });
                return;
            }

            var technical = outage || u < 0.01;
            Add(template with
            {
                EventId = Id(),
                Type = CheckoutEventType.PaymentFailed,
                OccurredAt = at,
                FailureKind = technical ? (_rng.NextDouble() < 0.5 ? FailureKind.Timeout : FailureKind.Error) : FailureKind.Declined,
                DeclineCode = technical ? null : _customerCodes[_rng.Next(_customerCodes.Length)],
            });
            if (_rng.NextDouble() < 0.5) break;
            at = at.AddSeconds(5 + _rng.Next(10));
        }

        Add(new CheckoutEvent(Id(), merchant, session, CheckoutEventType.CheckoutAbandoned, at.AddSeconds(60)));
    }

    private bool Is(string kind) => incident == kind || incident == "all";

    private bool InIncident(DateTimeOffset at) => at >= IncidentStart && at < IncidentEnd;

    private void Add(CheckoutEvent evt) => _events.Add(evt);

    private string Id() => $"e{_id++}";

    private int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        for (var p = _rng.NextDouble(); p > limit; p *= _rng.NextDouble()) k++;
        return k;
    }
}
