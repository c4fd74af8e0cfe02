namespace CheckoutWatch.Detection.Sessions;

/// <summary>
/// How long a payment may sit in one state before the session counts as stuck. Card
/// authorisation answers in seconds (stand-in after ~10 s); a 3-D Secure challenge expires after
/// about 10 minutes; asynchronous methods need their own, longer, per-method values.
/// </summary>
public sealed record SessionTimeouts
{
    public static readonly SessionTimeouts Default = new();

    public TimeSpan PaymentSubmitted { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan PaymentActionRequired { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A session with no event for this long and no open payment is closed as abandoned.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed payments without a success that make a repeated-failures finding.</summary>
    public int RepeatedFailureThreshold { get; init; } = 3;

    /// <summary>
    /// Distinct events one session holds at most; further new events are refused. Real sessions
    /// see a few dozen; the cap bounds what one hostile or broken sender can pin in memory.
    /// </summary>
    public int MaxEventsPerSession { get; init; } = 10_000;

    /// <summary>Per payment method overrides of <see cref="PaymentSubmitted"/> (e.g. sepa_debit: 3 days).</summary>
    public IReadOnlyDictionary<string, TimeSpan> SubmittedByMethod { get; init; } =
        new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per merchant timeouts (a merchant whose customers pay by bank transfer waits longer);
    /// merchants not listed use this record.
    /// </summary>
    public IReadOnlyDictionary<string, SessionTimeouts> ByMerchant { get; init; } =
        new Dictionary<string, SessionTimeouts>(StringComparer.Ordinal);

    /// <summary>The timeouts that apply to <paramref name="merchantId"/>'s sessions.</summary>
    public SessionTimeouts For(string merchantId) =>
        ByMerchant.Count != 0 && ByMerchant.TryGetValue(merchantId, out var own) ? own : this;

    public TimeSpan SubmittedTimeoutFor(string? paymentMethod) =>
        paymentMethod is not null && SubmittedByMethod.TryGetValue(paymentMethod, out var t) ? t : PaymentSubmitted;
}
