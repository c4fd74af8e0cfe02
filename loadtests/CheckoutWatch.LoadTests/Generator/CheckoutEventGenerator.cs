using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.LoadTests.Generator;

/// <summary>
/// Realistic checkout traffic: many sessions open at once across merchants (a few large ones,
/// many small), each walking checkout_started → payment_submitted → [payment_action_required] →
/// payment_succeeded | payment_failed (decline code and failure kind) → checkout_completed, with
/// retries, abandonment and sessions that just go quiet. Deterministic for a seed; not thread-safe.
/// </summary>
public sealed class CheckoutEventGenerator
{
    private readonly GeneratorOptions _options;
    private readonly Random _random;
    private readonly MerchantProfile[] _merchants;
    private readonly SessionState[] _sessions;
    private long _nextSession;

    public CheckoutEventGenerator(GeneratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Merchants, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ActiveSessions, 1);
        _options = options;
        _random = new Random(options.Seed);
        _merchants = [.. Enumerable.Range(1, options.Merchants).Select(NewMerchant)];
        _sessions = new SessionState[options.ActiveSessions];
        for (var i = 0; i < _sessions.Length; i++)
        {
            _sessions[i] = new SessionState { Merchant = _merchants[0] };
            Begin(_sessions[i]);
        }

        if (options.SteadyStart)
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < _sessions.Length * 3; i++)
            {
                Next(now);
            }
        }
    }

    public string RunTag => _options.RunTag;

    public IReadOnlyList<MerchantProfile> Merchants => _merchants;

    /// <summary>Fills <paramref name="events"/> with the next events, event time from <paramref name="now"/> on.</summary>
    public void Fill(Span<GeneratedEvent> events, DateTime now)
    {
        for (var i = 0; i < events.Length; i++)
        {
            // 10 µs apart, so events of one session in one batch are strictly ordered in event time.
            events[i] = Next(now.AddTicks(i * 100L));
        }
    }

    public GeneratedEvent Next(DateTime at)
    {
        var session = _sessions[_random.Next(_sessions.Length)];
        if (session.Stage == SessionStage.Done)
        {
            Begin(session);
        }

        return Emit(session, at);
    }

    private GeneratedEvent Emit(SessionState s, DateTime at)
    {
        var evt = new GeneratedEvent(s.Number, s.Sequence++, s.Merchant, TypeOf(s.Stage), at);
        switch (s.Stage)
        {
            case SessionStage.Start:
                s.Stage = _random.NextDouble() < 0.015 ? SessionStage.Abandon : SessionStage.Submit;
                return evt with { AmountMinor = s.AmountMinor, WithCustomer = s.WithCustomer };
            case SessionStage.Submit:
                StartAttempt(s);
                s.Stage = _random.NextDouble() < s.Method!.ActionRequiredShare ? SessionStage.ActionRequired : SessionStage.Outcome;
                return Payment(evt, s);
            case SessionStage.ActionRequired:
                s.Stage = SessionStage.Outcome;
                return Payment(evt, s);
            case SessionStage.Outcome:
                return Outcome(evt, s);
            case SessionStage.Complete:
            case SessionStage.Abandon:
                s.Stage = SessionStage.Done;
                return evt;
            default:
                throw new InvalidOperationException($"Session in stage {s.Stage} has nothing to emit.");
        }
    }

    private GeneratedEvent Outcome(GeneratedEvent evt, SessionState s)
    {
        if (s.WillSucceed)
        {
            // A few sessions never report completion: the shop's last call got lost.
            s.Stage = _random.NextDouble() < 0.99 ? SessionStage.Complete : SessionStage.Done;
            return Payment(evt with { Type = CheckoutEventType.PaymentSucceeded }, s);
        }

        var decline = PaymentCatalog.PickDecline(_random);
        var retry = s.Attempts < 3 && _random.NextDouble() < 0.45;
        s.Stage = retry ? SessionStage.Submit
            : _random.NextDouble() < 0.6 ? SessionStage.Abandon
            : SessionStage.Done;
        if (retry && _random.NextDouble() < 0.3)
        {
            ChooseMethod(s);
        }

        return Payment(evt with { Type = CheckoutEventType.PaymentFailed, Decline = decline }, s);
    }

    private static GeneratedEvent Payment(GeneratedEvent evt, SessionState s) => evt with
    {
        AmountMinor = s.AmountMinor,
        Psp = s.Psp,
        PaymentMethod = s.Method!.Name,
        CardNetwork = s.Network,
    };

    private void StartAttempt(SessionState s)
    {
        s.Attempts++;
        s.WillSucceed = _random.NextDouble() < _options.SuccessShare;
    }

    private void Begin(SessionState s)
    {
        s.Number = _nextSession++;
        s.Sequence = 0;
        s.Stage = SessionStage.Start;
        s.Attempts = 0;
        // Skewed toward low merchant numbers: a few large merchants and a long tail.
        var u = _random.NextDouble();
        s.Merchant = _merchants[(int)(_merchants.Length * u * u)];
        s.AmountMinor = Amount(s.Merchant);
        s.WithCustomer = _random.NextDouble() < 0.6;
        ChooseMethod(s);
    }

    private void ChooseMethod(SessionState s)
    {
        var psps = s.Merchant.Psps;
        s.Psp = psps.Length > 1 && _random.NextDouble() < 0.15 ? psps[1] : psps[0];
        s.Method = PaymentCatalog.Methods.Pick(_random);
        if (s.Method.Name == "ideal" && s.Merchant.Country != "NL")
        {
            // iDEAL is a Dutch method; elsewhere that customer pays by card.
            s.Method = PaymentCatalog.Card;
        }

        s.Network = s.Method.HasCardNetwork ? PaymentCatalog.Networks.Pick(_random) : null;
    }

    private long Amount(MerchantProfile merchant)
    {
        // Log-normal basket around the market's typical value.
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        var major = merchant.Basket * Math.Exp((0.7 * normal) - 0.245);
        return Math.Max(1, (long)Math.Round(major * merchant.MinorPerMajor));
    }

    private MerchantProfile NewMerchant(int number)
    {
        var market = PaymentCatalog.Markets[_random.Next(PaymentCatalog.Markets.Length)];
        var primary = _random.Next(PaymentCatalog.Psps.Length);
        string[] psps = _random.NextDouble() < 0.3
            ? [PaymentCatalog.Psps[primary], PaymentCatalog.Psps[(primary + 1 + _random.Next(PaymentCatalog.Psps.Length - 1)) % PaymentCatalog.Psps.Length]]
            : [PaymentCatalog.Psps[primary]];
        var width = Math.Max(4, _options.Merchants.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var id = _options.MerchantPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
        return new MerchantProfile(id, market.Country, market.Currency, market.MinorPerMajor, market.Basket, psps);
    }

    private static CheckoutEventType TypeOf(SessionStage stage) => stage switch
    {
        SessionStage.Start => CheckoutEventType.CheckoutStarted,
        SessionStage.Submit => CheckoutEventType.PaymentSubmitted,
        SessionStage.ActionRequired => CheckoutEventType.PaymentActionRequired,
        SessionStage.Complete => CheckoutEventType.CheckoutCompleted,
        SessionStage.Abandon => CheckoutEventType.CheckoutAbandoned,
        _ => CheckoutEventType.PaymentSubmitted,
    };
}
