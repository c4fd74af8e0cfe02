using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Detectors;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// Watches one merchant: payment-failure spikes (merchant, PSP, method, network, decline class),
/// traffic drops and stuck sessions. The host feeds it every accepted (deduplicated) event and
/// every session finding, and calls <see cref="Evaluate"/> about once per second with its clock;
/// a backtest does the same in event time. Nothing here reads a clock: the same inputs give the
/// same alerts. Not thread-safe: one caller at a time, as a grain guarantees.
/// </summary>
public sealed class MerchantMonitor
{
    private readonly DetectionOptions _options;
    private readonly AlertTracker _tracker;
    private readonly FailureSpikeDetector _spikes;
    private readonly TrafficDropDetector _traffic;
    private readonly StuckSessionsDetector _stuck;
    private readonly PspBaselinePrior? _pspPrior;
    private readonly Dictionary<string, string> _platformIncidents = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastEvaluate;

    public MerchantMonitor(string merchantId, DetectionOptions options, KnowledgeBase knowledge)
        : this(merchantId, options, knowledge, null)
    {
    }

    /// <param name="merchantId">The merchant whose events this monitor receives.</param>
    /// <param name="options">Thresholds; <see cref="DetectionOptions.Default"/> when in doubt.</param>
    /// <param name="knowledge">Decline-code knowledge (classes, actionable codes, guidance).</param>
    /// <param name="prior">
    /// Where baselines of new or small streams are shrunk toward; platform-wide rates by default. A
    /// <see cref="PspBaselinePrior"/> learns the PSP-wide rates from <see cref="Apply(PspReading)"/>.
    /// </param>
    public MerchantMonitor(string merchantId, DetectionOptions options, KnowledgeBase knowledge, IBaselinePrior? prior)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(knowledge);
        MerchantId = merchantId;
        _options = options;
        _tracker = new AlertTracker(options.Cooldown, options.UpdateInterval);
        _spikes = new FailureSpikeDetector(merchantId, options, knowledge, prior ?? new PlatformBaselinePrior(options.FailureSpike), _tracker);
        _traffic = new TrafficDropDetector(merchantId, options, _tracker);
        _stuck = new StuckSessionsDetector(merchantId, options, knowledge, _tracker);
        _pspPrior = prior as PspBaselinePrior;
    }

    public string MerchantId { get; }

    /// <summary>Alerts currently firing.</summary>
    public IReadOnlyCollection<DetectedAlert> Active => _tracker.Active;

    /// <summary>The time of the last <see cref="Evaluate"/>, if any.</summary>
    public DateTimeOffset? LastEvaluatedAt => _lastEvaluate;

    /// <summary>
    /// Takes one accepted event. Its time is <c>OccurredAt</c>, clamped to at most
    /// <see cref="DetectionOptions.MaxEventLead"/> after the last Evaluate. Duplicates must be
    /// filtered by the caller (the session state machine recognises them).
    /// </summary>
    public void Observe(CheckoutEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (!string.Equals(evt.MerchantId, MerchantId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Event {evt.EventId} belongs to merchant {evt.MerchantId}, not {MerchantId}.", nameof(evt));
        }

        var at = Clamp(evt.OccurredAt);
        switch (evt.Type)
        {
            case CheckoutEventType.CheckoutStarted:
                _traffic.Observe(at);
                break;
            case CheckoutEventType.PaymentSubmitted:
                _stuck.ObserveSubmitted(evt.Psp);
                break;
            case CheckoutEventType.PaymentSucceeded:
            case CheckoutEventType.PaymentFailed:
                _spikes.Observe(evt, at);
                break;
        }
    }

    /// <summary>Takes a per-session finding; stuck sessions add up to a stuck_sessions alert.</summary>
    public void Observe(SessionFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Kind == SessionFindingKind.SessionStuck) _stuck.Observe(finding, Clamp(finding.DetectedAt));
    }

    /// <summary>Completed attempts per PSP since the previous call: what the host reports to the PSP-wide monitors.</summary>
    public IReadOnlyList<PspCounts> DrainPspCounts() => _spikes.DrainPspCounts();

    /// <summary>
    /// The PSP-wide alerts open right now (PSP → incident key, from the <see cref="PspMonitor"/>s).
    /// A spike alert of this merchant whose failures lie mostly on such a PSP takes it as parent
    /// during its paging grace and does not page: the PSP-wide alert pages once for all merchants.
    /// </summary>
    public void SetPlatformIncidents(IReadOnlyDictionary<string, string> openByPsp)
    {
        ArgumentNullException.ThrowIfNull(openByPsp);
        _spikes.SetPlatformIncidents(openByPsp);
    }

    /// <summary>
    /// Takes the answer of a PSP this merchant just reported to (live: the PSP grain; backtest: the
    /// replay's PSP monitor): whether a PSP-wide alert is open on it, and its learned rates as prior.
    /// PSPs not reported to keep what they last said.
    /// </summary>
    public void Apply(PspReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.OpenIncidentKey is { } key) _platformIncidents[reading.Psp] = key;
        else _platformIncidents.Remove(reading.Psp);
        if (reading.BaselineRate is { } all) _pspPrior?.Update(reading.Psp, all, reading.ActionableBaselineRate ?? 0);
        _spikes.SetPlatformIncidents(new Dictionary<string, string>(_platformIncidents, StringComparer.Ordinal));
    }

    /// <summary>Optional: the host's count of in-flight sessions, the denominator of the stuck share.</summary>
    public void SetInFlightSessions(int count) => _stuck.InFlightSessions = Math.Max(0, count);

    /// <summary>
    /// Decides at <paramref name="now"/> and returns what opened, changed, resolved or re-opened
    /// since the previous call. Call about once per second; a time earlier than the previous call
    /// is treated as no time passing.
    /// </summary>
    public IReadOnlyList<AlertChange> Evaluate(DateTimeOffset now)
    {
        var elapsed = _lastEvaluate is { } last && now > last ? now - last : TimeSpan.Zero;
        if (_lastEvaluate is null || now > _lastEvaluate) _lastEvaluate = now;
        var at = _lastEvaluate.Value;
        _spikes.Evaluate(at, elapsed);
        _traffic.Evaluate(at);
        _stuck.Evaluate(at);
        return _tracker.Drain(at);
    }

    /// <summary>What the monitor believes right now, per stream (for charts, backtests and diagnostics).</summary>
    public MonitorSnapshot Snapshot()
    {
        var streams = _spikes.Streams.Select(StreamSnapshot.Of).ToArray();
        return new MonitorSnapshot(MerchantId, _lastEvaluate ?? DateTimeOffset.MinValue, streams,
            _traffic.ExpectedPerSecond, _traffic.RecentPerSecond);
    }

    private DateTimeOffset Clamp(DateTimeOffset at) =>
        _lastEvaluate is { } last && at > last + _options.MaxEventLead ? last + _options.MaxEventLead : at;
}
