using BenchmarkDotNet.Attributes;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Benchmarks;

/// <summary>The session state machine: a whole session from a fresh object, a duplicate, and a session that ends in a finding.</summary>
public class CheckoutSessionBenchmarks
{
    private CheckoutEvent[] _happy = null!;
    private CheckoutEvent[] _failing = null!;
    private CheckoutSession _seen = null!;

    [GlobalSetup]
    public void Setup()
    {
        _happy = SampleEvents.HappySession("s-happy");
        _failing = SampleEvents.FailingSession("s-failing");
        _seen = new CheckoutSession("merchant-0001", "s-happy");
        foreach (var evt in _happy)
        {
            _seen.Apply(evt, SessionTimeouts.Default);
        }
    }

    /// <summary>Five events of a 3-D Secure session that succeeds, including creating the session.</summary>
    [Benchmark]
    public SessionApplyResult HappySession() => ApplyAll(new CheckoutSession("merchant-0001", "s-happy"), _happy);

    /// <summary>Seven events ending in a repeated-failures finding.</summary>
    [Benchmark]
    public SessionApplyResult FailingSession() => ApplyAll(new CheckoutSession("merchant-0001", "s-failing"), _failing);

    /// <summary>A resend of an event the session has seen.</summary>
    [Benchmark]
    public SessionApplyResult Duplicate() => _seen.Apply(_happy[3], SessionTimeouts.Default);

    private static SessionApplyResult ApplyAll(CheckoutSession session, CheckoutEvent[] events)
    {
        SessionApplyResult last = default;
        foreach (var evt in events)
        {
            last = session.Apply(evt, SessionTimeouts.Default);
        }

        return last;
    }
}
