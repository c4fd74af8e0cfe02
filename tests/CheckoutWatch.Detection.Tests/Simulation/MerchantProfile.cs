namespace CheckoutWatch.Detection.Tests.Simulation;

/// <summary>
/// Synthetic traffic of one merchant: attempt and start rates over time (seconds since the start),
/// the slices attempts fall into, and the failure model. Noise: Poisson arrivals, Bernoulli
/// outcomes, and a multiplicative volume jitter that changes every ten seconds.
/// </summary>
internal sealed record MerchantProfile(string Id)
{
    public Func<double, double> AttemptsPerSecond { get; init; } = _ => 10;

    /// <summary>checkout_started per second; by default 1.25 × attempts (some customers leave before paying).</summary>
    public Func<double, double>? StartsPerSecond { get; init; }

    public string[] Psps { get; init; } = ["adyen", "stripe", "checkout"];
    public double[] PspWeights { get; init; } = [0.5, 0.3, 0.2];

    /// <summary>Share of attempts paid by card (the rest by paypal, which has no card network).</summary>
    public double CardShare { get; init; } = 0.85;
    public double VisaShare { get; init; } = 0.6;

    /// <summary>Probability that an attempt fails with a customer-side decline.</summary>
    public double CustomerDeclineRate { get; init; } = 0.04;

    /// <summary>Probability that an attempt fails for a technical reason.</summary>
    public double TechnicalRate { get; init; } = 0.01;

    /// <summary>Relative volume jitter (standard deviation of the log-normal multiplier).</summary>
    public double VolumeJitter { get; init; } = 0.1;

    /// <summary>An injected incident: given the attempt, the failure it forces (null: no effect).</summary>
    public Func<Attempt, Random, Outcome?>? Incident { get; init; }

    public double BaseFailureRate => CustomerDeclineRate + TechnicalRate;

    /// <summary>A slow daily ramp: volume × (1 + amplitude × sin(2π (t + phase) / day)).</summary>
    public static Func<double, double> DailyRamp(double mean, double amplitude, double phaseSeconds) =>
        t => mean * (1 + amplitude * Math.Sin(2 * Math.PI * (t + phaseSeconds) / 86_400));
}
