namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// Thresholds from a false-alarm budget per merchant-hour. A test evaluated every second sees
/// thousands of overlapping chances an hour, so a fixed per-evaluation tail is not a false-alarm
/// rate; these count the chances (a Bonferroni / scan-statistic correction) from the exact
/// Poisson law.
/// </summary>
public static class FalseAlarmBudget
{
    private const double SecondsPerHour = 3_600;

    /// <summary>
    /// A CUSUM threshold h for a log-likelihood-ratio CUSUM stepped once a second: its run length
    /// under the null is at least e^h steps (Lorden), so at most 3,600 · e^−h false alarms an hour.
    /// </summary>
    public static double CusumThreshold(double perHour) => Math.Log(SecondsPerHour / perHour);

    /// <summary>
    /// ln(1/α) for the silence bound at λ0 starts/s: every start opens a gap, and a gap lasts
    /// t seconds with probability e^−λ0·t, so λ0 · 3,600 · α false alarms an hour.
    /// </summary>
    public static double SilenceNats(double perSecond, double perHour) => Math.Log(SecondsPerHour * Math.Max(perSecond, 1e-9) / perHour);

    /// <summary>
    /// Expected entries an hour of a sliding window's count (mean <paramref name="windowExpected"/>
    /// at <paramref name="perSecond"/>) into {count ≤ k}: the count drops from k + 1 to k when a
    /// start leaves the window's trailing edge, which starts pass at λ0 per second regardless of
    /// the count inside, so the rate is 3,600 · λ0 · P(X = k + 1) (Rice's formula for the scan).
    /// </summary>
    public static double WindowEntriesPerHour(long k, double windowExpected, double perSecond) =>
        SecondsPerHour * perSecond * Math.Exp(PoissonTail.LogProbability(k + 1, windowExpected));
}
