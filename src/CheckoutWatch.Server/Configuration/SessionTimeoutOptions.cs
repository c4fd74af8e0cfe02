using System.ComponentModel.DataAnnotations;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Server.Configuration;

/// <summary>Section <c>CheckoutWatch:Sessions</c>: when a session counts as stuck or idle.</summary>
public sealed class SessionTimeoutOptions
{
    public const string Section = "CheckoutWatch:Sessions";

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan PaymentSubmittedTimeout { get; set; } = SessionTimeouts.Default.PaymentSubmitted;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan PaymentActionRequiredTimeout { get; set; } = SessionTimeouts.Default.PaymentActionRequired;

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = SessionTimeouts.Default.Idle;

    [Range(2, 100)]
    public int RepeatedFailureThreshold { get; set; } = SessionTimeouts.Default.RepeatedFailureThreshold;

    /// <summary>Distinct events one session holds at most; more are rejected with <c>session_full</c>.</summary>
    [Range(16, 1_000_000)]
    public int MaxEventsPerSession { get; set; } = SessionTimeouts.Default.MaxEventsPerSession;

    /// <summary>Per payment method submitted timeouts, e.g. <c>sepa_debit: 3.00:00:00</c>.</summary>
    public Dictionary<string, TimeSpan> SubmittedTimeoutByMethod { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per merchant overrides of the stuck timeouts, e.g.
    /// <c>Merchants:shop-7:SubmittedTimeoutByMethod:ideal: 00:20:00</c>.
    /// </summary>
    public Dictionary<string, MerchantSessionTimeoutOptions> Merchants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Session partitions (grains) the sessions are spread over; a batch makes one call per
    /// partition it touches. Every node of a cluster must use the same value.
    /// </summary>
    [Range(1, 4096)]
    public int Partitions { get; set; } = SessionPartitions.DefaultCount;

    public SessionTimeouts ToTimeouts()
    {
        var global = new SessionTimeouts
        {
            PaymentSubmitted = PaymentSubmittedTimeout,
            PaymentActionRequired = PaymentActionRequiredTimeout,
            Idle = IdleTimeout,
            RepeatedFailureThreshold = RepeatedFailureThreshold,
            MaxEventsPerSession = MaxEventsPerSession,
            SubmittedByMethod = new Dictionary<string, TimeSpan>(SubmittedTimeoutByMethod, StringComparer.OrdinalIgnoreCase),
        };
        return global with
        {
            ByMerchant = Merchants.ToDictionary(m => m.Key, m => m.Value.Apply(global), StringComparer.Ordinal),
        };
    }
}
