using CheckoutWatch.Detection.Monitoring;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// Slices shrink toward their merchant's baseline; the merchant toward platform-wide rates
/// (5 % of attempts fail, 1 % for actionable reasons); decline classes toward a small platform share.
/// </summary>
public sealed class PlatformBaselinePrior(FailureSpikeOptions options) : IBaselinePrior
{
    public BaselinePrior PriorFor(in BaselineContext context)
    {
        if (context.ParentRate is { } parent) return new BaselinePrior(parent, options.PriorStrength);
        var rate = context.Measure switch
        {
            FailureMeasure.AllFailures => options.PlatformFailureRate,
            FailureMeasure.ActionableFailures => options.PlatformActionableRate,
            _ => options.PlatformClassRate,
        };
        return new BaselinePrior(rate, options.PriorStrength);
    }
}
