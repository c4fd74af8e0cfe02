namespace CheckoutWatch.LoadTests.Load;

/// <summary>An arrival rate that moves linearly from one value to another.</summary>
public sealed record RampLoad(double FromRequestsPerSecond, double ToRequestsPerSecond, TimeSpan Length) : LoadSimulation
{
    public override TimeSpan Duration => Length;

    public override double ExpectedRequests => (FromRequestsPerSecond + ToRequestsPerSecond) / 2 * Length.TotalSeconds;

    public override double RateAt(TimeSpan elapsed)
    {
        if (elapsed >= Length || Length <= TimeSpan.Zero)
        {
            return 0;
        }

        var share = elapsed / Length;
        return FromRequestsPerSecond + ((ToRequestsPerSecond - FromRequestsPerSecond) * share);
    }

    public override string Describe(double eventsPerRequest) =>
        $"ramp {EventsRate(FromRequestsPerSecond, eventsPerRequest)} → {EventsRate(ToRequestsPerSecond, eventsPerRequest)} over {Format.Seconds(Length)}";
}
