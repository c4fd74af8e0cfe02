using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Server.Demo;

/// <summary>
/// Generates believable checkout traffic: sessions that start, pay (sometimes through 3-D
/// Secure), fail with realistic decline codes, retry, complete or walk away; plus, now and then,
/// an incident on one merchant's PSP. Deterministic for a given seed and clock.
/// </summary>
internal sealed class DemoTrafficModel
{
    private static readonly string[] _methods = ["card", "card", "card", "card", "apple_pay", "google_pay", "paypal", "klarna"];
    private static readonly string[] _networks = ["visa", "visa", "visa", "mastercard", "mastercard", "amex"];

    // Customer-side declines dominate real traffic; technical failures are rare when all is well.
    private static readonly (string Code, FailureKind Kind, double Weight)[] _declines =
    [
        ("51", FailureKind.Declined, 30), ("05", FailureKind.Declined, 22), ("54", FailureKind.Declined, 8),
        ("N7", FailureKind.Declined, 8), ("14", FailureKind.Declined, 4), ("59", FailureKind.Declined, 4),
        ("1A", FailureKind.Declined, 6), ("57", FailureKind.Declined, 3), ("91", FailureKind.Declined, 3),
        ("96", FailureKind.Error, 2), ("psp_error", FailureKind.Error, 5), ("timeout", FailureKind.Timeout, 5),
    ];

    private static readonly (string Code, FailureKind Kind, double Weight)[] _incidentFailures =
    [
        ("91", FailureKind.Declined, 40), ("96", FailureKind.Error, 25), ("timeout", FailureKind.Timeout, 35),
    ];

    private readonly Random _random;
    private readonly DemoMerchant[] _merchants;
    private readonly PriorityQueue<Step, DateTimeOffset> _steps = new();
    private readonly List<DemoIncident> _incidents = [];
    private long _sequence;

    /// <summary>Share of successful payments that a double submit charges a second time.</summary>
    public const double DuplicateChargeRate = 0.003;

    public DemoTrafficModel(int merchantCount, int seed)
    {
        _random = new Random(seed);
        string[] names = ["northwind", "contoso", "fabrikam", "tailspin", "wingtip", "adatum", "litware", "proseware", "woodgrove", "fourthcoffee"];
        string[][] pspSets = [["stripe", "adyen"], ["adyen"], ["checkout_com", "stripe"], ["braintree"], ["stripe"], ["adyen", "worldpay"]];
        string[] currencies = ["EUR", "USD", "GBP", "EUR", "USD", "EUR"];
        string[] countries = ["DE", "US", "GB", "FR", "US", "NL"];
        _merchants = [.. Enumerable.Range(0, merchantCount).Select(i => new DemoMerchant(
            i < names.Length ? names[i] : $"shop-{i + 1:D3}",
            Weight: 1.0 / (i + 1),
            pspSets[i % pspSets.Length],
            currencies[i % currencies.Length],
            countries[i % countries.Length],
            BaseFailureRate: 0.04 + 0.01 * (i % 4),
            TypicalAmountMinor: 2_000 + 3_000 * (i % 5)))];
    }

    public IReadOnlyList<DemoIncident> Incidents => _incidents;

    public IReadOnlyList<DemoMerchant> Merchants => _merchants;

    /// <summary>Starts an incident on a random merchant's PSP until <paramref name="until"/>.</summary>
    public DemoIncident StartIncident(DateTimeOffset until)
    {
        var merchant = Pick(_merchants, m => m.Weight);
        var incident = new DemoIncident(merchant.Id, merchant.Psps[_random.Next(merchant.Psps.Length)], _random.NextDouble() < 0.25, until);
        _incidents.Add(incident);
        return incident;
    }

    /// <summary>Starts <paramref name="sessions"/> new sessions at <paramref name="now"/>.</summary>
    public void StartSessions(int sessions, DateTimeOffset now)
    {
        for (var i = 0; i < sessions; i++)
        {
            var merchant = Pick(_merchants, m => m.Weight);
            var method = _methods[_random.Next(_methods.Length)];
            var session = new DemoSession(
                merchant,
                $"s-{Convert.ToHexString(BitConverter.GetBytes(_random.NextInt64())).ToLowerInvariant()}",
                merchant.Psps[_random.Next(merchant.Psps.Length)],
                method,
                method is "card" or "apple_pay" or "google_pay" ? _networks[_random.Next(_networks.Length)] : null,
                Amount: (long)(merchant.TypicalAmountMinor * (0.3 + _random.NextDouble() * 2)),
                Customer: new CustomerInfo($"c-{_random.Next(1_000_000)}", $"Customer {_random.Next(10_000)}", $"customer{_random.Next(10_000)}@example.com", $"+49 30 {_random.Next(1_000_000, 9_999_999)}"));
            _steps.Enqueue(new Step(session, CheckoutEventType.CheckoutStarted), now);
        }
    }

    /// <summary>Every event due by <paramref name="now"/>, in time order.</summary>
    public List<CheckoutEvent> Due(DateTimeOffset now)
    {
        _incidents.RemoveAll(i => i.Until <= now);
        var events = new List<CheckoutEvent>();
        while (_steps.TryPeek(out var step, out var at) && at <= now)
        {
            _steps.Dequeue();
            events.Add(Emit(step, at));
            ScheduleNext(step, at);
        }

        return events;
    }

    private CheckoutEvent Emit(Step step, DateTimeOffset at)
    {
        var s = step.Session;
        var evt = new CheckoutEvent($"e-{++_sequence:D12}-{s.SessionId[2..10]}", s.Merchant.Id, s.SessionId, step.Type, at)
        {
            Country = s.Merchant.Country,
            Customer = step.Type == CheckoutEventType.CheckoutStarted ? s.Customer : null,
        };
        if (step.Type is CheckoutEventType.PaymentSubmitted or CheckoutEventType.PaymentActionRequired
            or CheckoutEventType.PaymentSucceeded or CheckoutEventType.PaymentFailed)
        {
            evt = evt with
            {
                AmountMinor = s.Amount,
                Currency = s.Merchant.Currency,
                Psp = s.Psp,
                PaymentMethod = s.Method,
                CardNetwork = s.Network,
                DeclineCode = step.DeclineCode,
                FailureKind = step.FailureKind,
            };
        }

        return evt;
    }

    private void ScheduleNext(Step step, DateTimeOffset at)
    {
        var s = step.Session;
        var incident = _incidents.FirstOrDefault(i => i.MerchantId == s.Merchant.Id && i.Psp == s.Psp);
        switch (step.Type)
        {
            case CheckoutEventType.CheckoutStarted:
                if (_random.NextDouble() < 0.25) Enqueue(s, CheckoutEventType.CheckoutAbandoned, at, 20, 120);
                else Enqueue(s, CheckoutEventType.PaymentSubmitted, at, 3, 25);
                break;
            case CheckoutEventType.PaymentSubmitted:
                s.Attempts++;
                if (s.Network is not null && _random.NextDouble() < 0.2) Enqueue(s, CheckoutEventType.PaymentActionRequired, at, 0.5, 2);
                else EnqueueOutcome(s, at, incident);
                break;
            case CheckoutEventType.PaymentActionRequired:
                // During a 3-D Secure incident challenges hang: no outcome, the session gets stuck.
                if (incident is { ThreeDsHang: true }) break;
                EnqueueOutcome(s, at + TimeSpan.FromSeconds(5 + _random.NextDouble() * 30), incident);
                break;
            case CheckoutEventType.PaymentFailed:
                if (s.Attempts < 4 && _random.NextDouble() < 0.55) Enqueue(s, CheckoutEventType.PaymentSubmitted, at, 5, 30);
                else Enqueue(s, CheckoutEventType.CheckoutAbandoned, at, 10, 60);
                break;
            case CheckoutEventType.PaymentSucceeded:
                // Now and then a double submit charges the customer twice: the agents' most urgent case.
                if (!s.ChargedTwice && _random.NextDouble() < DuplicateChargeRate)
                {
                    s.ChargedTwice = true;
                    Enqueue(s, CheckoutEventType.PaymentSucceeded, at, 0.5, 3);
                }
                else
                {
                    Enqueue(s, CheckoutEventType.CheckoutCompleted, at, 0.2, 1.5);
                }

                break;
        }
    }

    private void EnqueueOutcome(DemoSession s, DateTimeOffset at, DemoIncident? incident)
    {
        var failureRate = incident is { ThreeDsHang: false } ? 0.45 : s.Merchant.BaseFailureRate;
        var due = at + TimeSpan.FromSeconds(0.5 + _random.NextDouble() * 2.5);
        if (_random.NextDouble() >= failureRate)
        {
            _steps.Enqueue(new Step(s, CheckoutEventType.PaymentSucceeded), due);
            return;
        }

        var (code, kind, _) = Pick(incident is null ? _declines : _incidentFailures, d => d.Weight);
        _steps.Enqueue(new Step(s, CheckoutEventType.PaymentFailed, kind == FailureKind.Timeout ? null : code, kind), due);
    }

    private void Enqueue(DemoSession s, CheckoutEventType type, DateTimeOffset at, double minSeconds, double maxSeconds) =>
        _steps.Enqueue(new Step(s, type), at + TimeSpan.FromSeconds(minSeconds + _random.NextDouble() * (maxSeconds - minSeconds)));

    private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = _random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x <= 0) return item;
        }

        return items[^1];
    }

    private sealed record Step(DemoSession Session, CheckoutEventType Type, string? DeclineCode = null, FailureKind FailureKind = FailureKind.None);

    private sealed record DemoSession(DemoMerchant Merchant, string SessionId, string Psp, string Method, string? Network, long Amount, CustomerInfo Customer)
    {
        public int Attempts { get; set; }

        public bool ChargedTwice { get; set; }
    }
}
