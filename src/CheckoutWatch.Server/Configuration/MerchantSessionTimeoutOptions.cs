using System.ComponentModel.DataAnnotations;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Server.Configuration;

/// <summary>One merchant's stuck timeouts (<c>CheckoutWatch:Sessions:Merchants:{merchantId}</c>); unset values are the global ones.</summary>
public sealed class MerchantSessionTimeoutOptions
{
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan? PaymentSubmittedTimeout { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan? PaymentActionRequiredTimeout { get; set; }

    /// <summary>Per payment method submitted timeouts for this merchant, on top of the global ones.</summary>
    public Dictionary<string, TimeSpan> SubmittedTimeoutByMethod { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public SessionTimeouts Apply(SessionTimeouts global)
    {
        var byMethod = new Dictionary<string, TimeSpan>(global.SubmittedByMethod, StringComparer.OrdinalIgnoreCase);
        foreach (var (method, timeout) in SubmittedTimeoutByMethod)
        {
            byMethod[method] = timeout;
        }

        return global with
        {
            PaymentSubmitted = PaymentSubmittedTimeout ?? global.PaymentSubmitted,
            PaymentActionRequired = PaymentActionRequiredTimeout ?? global.PaymentActionRequired,
            SubmittedByMethod = byMethod,
        };
    }
}
