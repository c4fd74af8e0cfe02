namespace CheckoutWatch.LoadTests.Load;

/// <summary>The same arrival rate for the whole duration.</summary>
public sealed record ConstantLoad(double RequestsPerSecond, TimeSpan Length) : LoadSimulation
{
    public override TimeSpan Duration => Length;

    public override double ExpectedRequests => RequestsPerSecond * Length.TotalSeconds;

    public override double RateAt(TimeSpan elapsed) => elapsed < Length ? RequestsPerSecond : 0;

    public override string Describe(double eventsPerRequest) =>
        $"constant {EventsRate(RequestsPerSecond, eventsPerRequest)} for {Format.Seconds(Length)}";
}
