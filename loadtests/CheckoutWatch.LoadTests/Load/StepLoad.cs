namespace CheckoutWatch.LoadTests.Load;

/// <summary>
/// A staircase: <see cref="Steps"/> constant phases, each <see cref="StepRequestsPerSecond"/> above
/// the one before. <see cref="Phases"/> lets a scenario run and judge the steps one at a time.
/// </summary>
public sealed record StepLoad(double FromRequestsPerSecond, double StepRequestsPerSecond, int Steps, TimeSpan StepDuration) : LoadSimulation
{
    public override TimeSpan Duration => StepDuration * Steps;

    public override double ExpectedRequests => Phases.Sum(p => p.ExpectedRequests);

    public IReadOnlyList<ConstantLoad> Phases =>
        [.. Enumerable.Range(0, Steps).Select(i => Constant(FromRequestsPerSecond + (i * StepRequestsPerSecond), StepDuration))];

    public override double RateAt(TimeSpan elapsed)
    {
        if (elapsed >= Duration || elapsed < TimeSpan.Zero)
        {
            return 0;
        }

        var step = (int)(elapsed / StepDuration);
        return FromRequestsPerSecond + (step * StepRequestsPerSecond);
    }

    public override string Describe(double eventsPerRequest) =>
        $"{Steps} steps of {Format.Seconds(StepDuration)} from {EventsRate(FromRequestsPerSecond, eventsPerRequest)} by {EventsRate(StepRequestsPerSecond, eventsPerRequest)}";
}
