using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Monitoring;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// PSP slices of a merchant shrink toward the PSP's platform-wide baseline (learned by its
/// <see cref="PspMonitor"/> across merchants) once one is known; everything else as
/// <see cref="PlatformBaselinePrior"/>. A new or small merchant on a PSP thus starts from what that
/// PSP usually does, not from the merchant's blend of PSPs. The host updates the rates.
/// </summary>
public sealed class PspBaselinePrior(FailureSpikeOptions options) : IBaselinePrior
{
    private readonly PlatformBaselinePrior _fallback = new(options);
    private readonly Dictionary<string, (double All, double Actionable)> _rates = new(StringComparer.Ordinal);

    /// <summary>Sets the PSP-wide rates of <paramref name="psp"/> (as its monitor reports them).</summary>
    public void Update(string psp, double allFailures, double actionableFailures)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(psp);
        _rates[psp.Trim().ToLowerInvariant()] = (Math.Clamp(allFailures, 0, 1), Math.Clamp(actionableFailures, 0, 1));
    }

    public BaselinePrior PriorFor(in BaselineContext context)
    {
        if (context.Dimension.Kind == DimensionKind.Psp && _rates.TryGetValue(context.Dimension.Value, out var rates))
        {
            var rate = context.Measure == FailureMeasure.ActionableFailures ? rates.Actionable : rates.All;
            return new BaselinePrior(rate, options.PriorStrength);
        }

        return _fallback.PriorFor(context);
    }
}
