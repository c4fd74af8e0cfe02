namespace CheckoutWatch.LoadTests.Load;

/// <summary>
/// How the arrival rate (requests per second) evolves over a run, in NBomber's vocabulary:
/// <see cref="Constant"/>, <see cref="Ramp"/> and <see cref="Step"/>. The open-model runner asks
/// for the rate at each due time, so any shape works without special cases.
/// </summary>
public abstract record LoadSimulation
{
    public abstract TimeSpan Duration { get; }

    /// <summary>Requests per second at <paramref name="elapsed"/> from the start.</summary>
    public abstract double RateAt(TimeSpan elapsed);

    /// <summary>A short description in events per second for reports.</summary>
    public abstract string Describe(double eventsPerRequest);

    /// <summary>The number of requests the simulation asks for in total.</summary>
    public abstract double ExpectedRequests { get; }

    public static ConstantLoad Constant(double requestsPerSecond, TimeSpan duration) => new(requestsPerSecond, duration);

    public static RampLoad Ramp(double fromRequestsPerSecond, double toRequestsPerSecond, TimeSpan duration) =>
        new(fromRequestsPerSecond, toRequestsPerSecond, duration);

    public static StepLoad Step(double fromRequestsPerSecond, double stepRequestsPerSecond, int steps, TimeSpan stepDuration) =>
        new(fromRequestsPerSecond, stepRequestsPerSecond, steps, stepDuration);

    protected static string EventsRate(double requestsPerSecond, double eventsPerRequest) =>
        Format.Rate(requestsPerSecond * eventsPerRequest) + " events/s";
}
