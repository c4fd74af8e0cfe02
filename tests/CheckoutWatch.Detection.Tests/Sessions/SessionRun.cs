using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Detection.Tests.Sessions;

/// <summary>A script applied to a fresh session, with what every step answered.</summary>
public sealed class SessionRun
{
    private SessionRun(CheckoutSession session, IReadOnlyList<SessionApplyResult> results, IReadOnlyList<bool> closedAfter, IReadOnlyList<int> inFlightAfter)
    {
        Session = session;
        Results = results;
        ClosedAfter = closedAfter;
        InFlightAfter = inFlightAfter;
    }

    public CheckoutSession Session { get; }
    public IReadOnlyList<SessionApplyResult> Results { get; }
    public IReadOnlyList<bool> ClosedAfter { get; }

    /// <summary>The running sum of in-flight deltas after each step.</summary>
    public IReadOnlyList<int> InFlightAfter { get; }

    public IEnumerable<SessionFinding> Findings => Results.Where(r => r.Finding is not null).Select(r => r.Finding!);

    public static SessionRun Of(SessionScript script, SessionTimeouts? timeouts = null)
    {
        timeouts ??= SessionTimeouts.Default;
        var session = new CheckoutSession("shop", "s1");
        var results = new List<SessionApplyResult>();
        var closed = new List<bool>();
        var inFlight = new List<int>();
        var sum = 0;
        foreach (var evt in script.Deliveries)
        {
            var result = session.Apply(evt, timeouts);
            results.Add(result);
            closed.Add(session.Closed);
            sum += result.InFlightDelta;
            inFlight.Add(sum);
        }

        return new SessionRun(session, results, closed, inFlight);
    }

    public static int Count(IEnumerable<CheckoutEvent> events, CheckoutEventType type) => events.Count(e => e.Type == type);
}
