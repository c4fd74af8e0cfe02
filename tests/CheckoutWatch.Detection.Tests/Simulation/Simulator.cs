using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;

namespace CheckoutWatch.Detection.Tests.Simulation;

/// <summary>
/// Runs merchants' synthetic traffic through their monitors in event time: each simulated second
/// generates that second's events, feeds them in time order, then calls Evaluate at its end.
/// Deterministic for a seed; no clock, no sleeping.
/// </summary>
internal sealed class Simulator
{
    public static readonly DateTimeOffset Epoch = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly Random _rng;
    private readonly List<(MerchantProfile Profile, MerchantMonitor Monitor)> _merchants = [];
    private readonly List<CheckoutEvent> _second = [];
    private long _eventId;
    private int _sessionId;

    public Simulator(int seed, DetectionOptions? options = null, KnowledgeBase? knowledge = null)
    {
        _rng = new Random(seed);
        Options = options ?? DetectionOptions.Default;
        Knowledge = knowledge ?? KnowledgeBase.LoadDefault();
    }

    public DetectionOptions Options { get; }
    public KnowledgeBase Knowledge { get; }

    /// <summary>Seconds simulated so far.</summary>
    public int Elapsed { get; private set; }
    public DateTimeOffset Now => Epoch.AddSeconds(Elapsed);
    public List<AlertChange> Changes { get; } = [];

    /// <summary>Event time of the first failure that an incident forced, per merchant.</summary>
    public Dictionary<string, DateTimeOffset> FirstIncidentFailure { get; } = [];

    public IEnumerable<AlertChange> Opened => Changes.Where(c => c.Kind == ChangeKind.Opened);

    public MerchantMonitor Add(MerchantProfile profile)
    {
        var monitor = new MerchantMonitor(profile.Id, Options, Knowledge);
        _merchants.Add((profile, monitor));
        return monitor;
    }

    public MerchantMonitor Monitor(string id) => _merchants.Single(m => m.Profile.Id == id).Monitor;

    /// <summary>Replaces a merchant's profile from now on (e.g. to inject or end an incident).</summary>
    public void Change(string id, Func<MerchantProfile, MerchantProfile> change)
    {
        var i = _merchants.FindIndex(m => m.Profile.Id == id);
        _merchants[i] = (change(_merchants[i].Profile), _merchants[i].Monitor);
    }

    public void Run(TimeSpan duration, Func<AlertChange, bool>? stopWhen = null)
    {
        var end = Elapsed + (int)duration.TotalSeconds;
        while (Elapsed < end)
        {
            for (var m = 0; m < _merchants.Count; m++)
            {
                var (profile, monitor) = _merchants[m];
                Generate(profile, Elapsed, m);
                foreach (var evt in _second) monitor.Observe(evt);
            }

            Elapsed++;
            var stop = false;
            foreach (var (_, monitor) in _merchants)
            {
                foreach (var change in monitor.Evaluate(Now))
                {
                    Changes.Add(change);
                    stop |= stopWhen?.Invoke(change) ?? false;
                }
            }

            if (stop) return;
        }
    }

    private void Generate(MerchantProfile p, int second, int merchant)
    {
        _second.Clear();
        var jitter = Math.Exp(p.VolumeJitter * Gaussian(second / 10, merchant));
        var starts = Poisson((p.StartsPerSecond?.Invoke(second) ?? 1.25 * p.AttemptsPerSecond(second)) * jitter);
        for (var i = 0; i < starts; i++)
        {
            // The monitor needs no ids on starts; sharing strings keeps an hour of 20 merchants fast.
            _second.Add(new CheckoutEvent("start", p.Id, "start", CheckoutEventType.CheckoutStarted, At(second)));
        }

        var attempts = Poisson(p.AttemptsPerSecond(second) * jitter);
        for (var i = 0; i < attempts; i++) _second.Add(Payment(p, second));
        _second.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
    }

    private CheckoutEvent Payment(MerchantProfile p, int second)
    {
        var at = At(second);
        var psp = p.Psps[Pick(p.PspWeights)];
        var card = _rng.NextDouble() < p.CardShare;
        var network = card ? (_rng.NextDouble() < p.VisaShare ? "visa" : "mastercard") : null;
        var attempt = new Attempt(second + (at - Epoch.AddSeconds(second)).TotalSeconds, psp, card ? "card" : "paypal", network);
        var outcome = p.Incident?.Invoke(attempt, _rng);
        if (outcome is not null) FirstIncidentFailure.TryAdd(p.Id, at);
        var u = _rng.NextDouble();
        outcome ??= u < p.TechnicalRate ? Outcome.Technical(_rng)
            : u < p.TechnicalRate + p.CustomerDeclineRate ? Outcome.Customer(_rng)
            : null;
        var type = outcome is null ? CheckoutEventType.PaymentSucceeded : CheckoutEventType.PaymentFailed;
        return new CheckoutEvent(Id(), p.Id, Session(), type, at)
        {
            AmountMinor = 1_000 + _rng.Next(20_000),
            Currency = _rng.NextDouble() < 0.8 ? "EUR" : "GBP",
            Psp = psp,
            PaymentMethod = attempt.Method,
            CardNetwork = network,
            DeclineCode = outcome?.DeclineCode,
            FailureKind = outcome?.Kind ?? FailureKind.None,
        };
    }

    private DateTimeOffset At(int second) => Epoch.AddSeconds(second + _rng.NextDouble());

    private string Id() => "e" + _eventId++;

    private string Session() => "s" + _sessionId++;

    private int Pick(double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var u = _rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            if ((u -= weights[i]) < 0) return i;
        }

        return weights.Length - 1;
    }

    private int Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda > 60) return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * NextGaussian()));
        var limit = Math.Exp(-lambda);
        var k = 0;
        for (var product = _rng.NextDouble(); product > limit; product *= _rng.NextDouble()) k++;
        return k;
    }

    // Jitter is a deterministic function of the ten-second slot, so it does not shift the outcome stream.
    private static double Gaussian(int slot, int merchant)
    {
        var r = new Random(slot * 7919 + merchant * 104_729 + 17);
        return Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
    }

    private double NextGaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());
}
