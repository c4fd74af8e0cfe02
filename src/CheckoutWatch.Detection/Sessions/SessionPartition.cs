using System.Runtime.InteropServices;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Detection.Sessions;

/// <summary>
/// The sessions of one partition: a table of <see cref="CheckoutSession"/>s keyed by merchant and
/// session id, and one <see cref="TimingWheel{T}"/> for all their deadlines (the stuck deadline
/// still to check, the idle expiry, and the end of a closed session's retention) instead of a
/// timer per session. A closed session is kept <see cref="ClosedRetention"/> after its last event,
/// so a late or repeated event is still recognised as a duplicate; then it is forgotten.
/// Deadlines are wall-clock (<c>now</c>) against event time, as <see cref="CheckoutSession"/> defines them.
/// Not thread-safe: its owner (a grain) calls it one turn at a time.
/// </summary>
public sealed class SessionPartition(SessionTimeouts timeouts)
{
    /// <summary>The wheel's tick: a deadline is acted on at most this late (plus the host's timer lag).</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);

    /// <summary>How long a closed session still recognises its events as duplicates.</summary>
    public static readonly TimeSpan ClosedRetention = TimeSpan.FromMinutes(15);

    // 4,096 one-second slots: one revolution (68 min) covers the idle expiry and the default
    // stuck deadlines, so an entry is rarely passed over before it is due.
    private readonly TimingWheel<Tracked> _wheel = new(Resolution, 4096);
    private readonly Dictionary<SessionRef, Tracked> _sessions = [];
    private readonly HashSet<string> _merchantIds = new(StringComparer.Ordinal);
    private readonly List<(Tracked Item, DateTimeOffset Due)> _fired = [];

    /// <summary>Sessions held: in flight, or closed and still within their retention.</summary>
    public int Count => _sessions.Count;

    /// <summary>Deadlines waiting in the wheel (live ones, plus superseded ones not yet passed).</summary>
    public int PendingDeadlines => _wheel.Count;

    /// <summary>Applies one event to its session (created on its first event) at wall-clock <paramref name="now"/>.</summary>
    public SessionApplyResult Apply(CheckoutEvent evt, DateTimeOffset now)
    {
        var merchantId = Intern(evt.MerchantId);
        ref var tracked = ref CollectionsMarshal.GetValueRefOrAddDefault(_sessions, new SessionRef(merchantId, evt.SessionId), out var exists);
        if (!exists)
        {
            tracked = new Tracked(new CheckoutSession(merchantId, evt.SessionId));
        }

        var session = tracked!.Session;
        var result = session.Apply(evt, timeouts.For(merchantId));
        tracked.LastTouched = now;
        Schedule(tracked, now);
        return result;
    }

    /// <summary>The session, if this partition holds it.</summary>
    public CheckoutSession? Find(string merchantId, string sessionId) =>
        _sessions.TryGetValue(new SessionRef(merchantId, sessionId), out var tracked) ? tracked.Session : null;

    /// <summary>
    /// Acts on every deadline reached by <paramref name="now"/>: reports stuck payments (once
    /// each) to <paramref name="findings"/>, closes idle sessions (their in-flight change goes to
    /// <paramref name="inFlightDeltas"/> per merchant) and forgets closed sessions past their
    /// retention. Returns how many deadlines it looked at.
    /// </summary>
    public int Advance(DateTimeOffset now, ICollection<SessionFinding> findings, IDictionary<string, int> inFlightDeltas)
    {
        _fired.Clear();
        _wheel.Advance(now, _fired);
        var looked = 0;
        foreach (var (tracked, due) in _fired)
        {
            // A superseded entry: the session was re-aimed earlier since, or is gone.
            if (tracked.Removed || due != tracked.WheelDue)
            {
                continue;
            }

            looked++;
            tracked.WheelDue = DateTimeOffset.MaxValue;
            Wake(tracked, now, findings, inFlightDeltas);
        }

        _fired.Clear();
        return looked;
    }

    private void Wake(Tracked tracked, DateTimeOffset now, ICollection<SessionFinding> findings, IDictionary<string, int> inFlightDeltas)
    {
        var session = tracked.Session;
        if (session.InFlight)
        {
            var own = timeouts.For(session.MerchantId);
            if (session.CheckStuck(now, own) is { } stuck)
            {
                findings.Add(stuck);
            }

            if (session.ExpireIfIdle(now, own) is var delta and not 0)
            {
                inFlightDeltas[session.MerchantId] = inFlightDeltas.TryGetValue(session.MerchantId, out var d) ? d + delta : delta;
                tracked.LastTouched = now;
            }
        }
        else if (now >= tracked.LastTouched + ClosedRetention)
        {
            _sessions.Remove(new SessionRef(session.MerchantId, session.SessionId));
            tracked.Removed = true;
            return;
        }

        Schedule(tracked, now);
    }

    // One live wheel entry per session, aimed at whichever comes first. The entry is replaced
    // only when the wake-up moves earlier: one that fires early just re-aims itself, which is
    // cheaper than moving it on every event.
    private void Schedule(Tracked tracked, DateTimeOffset now)
    {
        var session = tracked.Session;
        DateTimeOffset due;
        if (session.InFlight)
        {
            var own = timeouts.For(session.MerchantId);
            // Idle counts from the later of the last event's time and its arrival here.
            var idleAt = SaturatingAdd(session.LastEventAt > tracked.LastTouched ? session.LastEventAt : tracked.LastTouched, own.Idle);
            // Only a stuck deadline not yet reported counts: one already reported lies in the past.
            due = session.PendingStuckDeadline(own) is { } stuckAt && stuckAt < idleAt ? stuckAt : idleAt;
        }
        else
        {
            due = tracked.LastTouched + ClosedRetention;
        }

        if (due < tracked.WheelDue)
        {
            tracked.WheelDue = due;
            _wheel.Schedule(tracked, due);
        }
    }

    private string Intern(string merchantId)
    {
        if (_merchantIds.TryGetValue(merchantId, out var pooled))
        {
            return pooled;
        }

        _merchantIds.Add(merchantId);
        return merchantId;
    }

    private static DateTimeOffset SaturatingAdd(DateTimeOffset at, TimeSpan span) =>
        at > DateTimeOffset.MaxValue - span ? DateTimeOffset.MaxValue : at + span;

    private readonly record struct SessionRef(string MerchantId, string SessionId);

    private sealed class Tracked(CheckoutSession session)
    {
        public CheckoutSession Session { get; } = session;
        public DateTimeOffset WheelDue { get; set; } = DateTimeOffset.MaxValue;
        /// <summary>Wall-clock time of its last event here, or of its idle expiry.</summary>
        public DateTimeOffset LastTouched { get; set; }
        public bool Removed { get; set; }
    }
}
