namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// A Bernoulli CUSUM: the repeated sequential probability ratio test of "failure probability is
/// <see cref="PNull"/>" against "it is <see cref="PAlt"/>". Each attempt adds its log-likelihood
/// ratio; the statistic never drops below zero. Crossing h after ≈ h / KL(pAlt‖pNull) attempts
/// under the alternative, with at least e^h attempts between false alarms under the null.
/// The current run (since the statistic last left zero) is the evidence an alert reports.
/// </summary>
public sealed class BernoulliCusum
{
    private double _failureWeight;
    private double _successWeight;

    public double PNull { get; private set; }
    public double PAlt { get; private set; }
    public double Statistic { get; private set; }

    /// <summary>Event time of the attempt that started the current run.</summary>
    public DateTimeOffset RunStart { get; private set; }
    public int RunAttempts { get; private set; }
    public int RunFailures { get; private set; }

    public void Configure(double pNull, double pAlt)
    {
        PNull = pNull;
        PAlt = pAlt;
        _failureWeight = Math.Log(pAlt / pNull);
        _successWeight = Math.Log((1 - pAlt) / (1 - pNull));
    }

    public void Observe(bool failed, DateTimeOffset at)
    {
        var next = Statistic + (failed ? _failureWeight : _successWeight);
        if (next <= 0)
        {
            Reset();
            return;
        }

        if (RunAttempts == 0) RunStart = at;
        Statistic = next;
        RunAttempts++;
        if (failed) RunFailures++;
    }

    /// <summary>Bounds the statistic while a crossing waits for its guards, so an old run cannot pre-charge a later one.</summary>
    public void Cap(double max)
    {
        if (Statistic > max) Statistic = max;
    }

    public void Reset()
    {
        Statistic = 0;
        RunAttempts = 0;
        RunFailures = 0;
    }
}
