namespace CheckoutWatch.Detection.Detectors;

/// <summary>A stream's figures over a window: attempts, failures, baseline, excess failures, and whether it is significantly above baseline.</summary>
internal readonly record struct WindowStats(long Attempts, long Failures, double Baseline, double Excess, bool Elevated)
{
    public double Rate => Attempts == 0 ? 0 : (double)Failures / Attempts;

    /// <summary>
    /// Evidence that the window's rate is above the baseline: the binomial log-likelihood ratio of
    /// the observed rate against the baseline (zero when the rate is not above it).
    /// </summary>
    public double LogLikelihoodRatio
    {
        get
        {
            if (Attempts == 0 || Rate <= Baseline || Baseline <= 0) return 0;
            var successes = Attempts - Failures;
            var llr = Failures * Math.Log(Rate / Baseline);
            if (successes > 0) llr += successes * Math.Log((1 - Rate) / (1 - Baseline));
            return llr;
        }
    }
}
