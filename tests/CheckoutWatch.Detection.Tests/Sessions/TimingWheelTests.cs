using CheckoutWatch.Detection.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace CheckoutWatch.Detection.Tests.Sessions;

public sealed class TimingWheelTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly List<(string Item, DateTimeOffset Due)> _fired = [];

    private List<string> AdvanceBy(TimeSpan by, TimingWheel<string> wheel)
    {
        _clock.Advance(by);
        _fired.Clear();
        wheel.Advance(_clock.GetUtcNow(), _fired);
        return [.. _fired.Select(f => f.Item)];
    }

    [Fact]
    public void Items_fire_once_on_the_tick_that_reaches_their_due_instant_never_before()
    {
        var wheel = new TimingWheel<string>(TimeSpan.FromSeconds(1), 8);
        var now = _clock.GetUtcNow();
        wheel.Schedule("a", now.AddSeconds(2.5));
        wheel.Schedule("b", now.AddSeconds(3));
        Assert.Empty(AdvanceBy(TimeSpan.FromSeconds(1), wheel));
        Assert.Empty(AdvanceBy(TimeSpan.FromSeconds(1), wheel));
        // Never early (2.9 s), at most one resolution late: 2.5 s fires on the tick of 3 s.
        Assert.Empty(AdvanceBy(TimeSpan.FromSeconds(0.9), wheel));
        Assert.Equal(["a", "b"], AdvanceBy(TimeSpan.FromSeconds(0.1), wheel));
        Assert.Empty(AdvanceBy(TimeSpan.FromSeconds(10), wheel));
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void Items_due_beyond_one_revolution_wait_for_their_own_revolution()
    {
        var wheel = new TimingWheel<string>(TimeSpan.FromSeconds(1), 8);
        wheel.Advance(_clock.GetUtcNow(), []);
        wheel.Schedule("far", _clock.GetUtcNow().AddSeconds(20));
        for (var s = 1; s < 20; s++)
        {
            Assert.Empty(AdvanceBy(TimeSpan.FromSeconds(1), wheel));
        }

        Assert.Equal(["far"], AdvanceBy(TimeSpan.FromSeconds(1), wheel));
    }

    [Fact]
    public void A_long_gap_collects_everything_due_and_keeps_the_rest()
    {
        var wheel = new TimingWheel<string>(TimeSpan.FromSeconds(1), 8);
        var now = _clock.GetUtcNow();
        wheel.Advance(now, []);
        for (var s = 1; s <= 100; s++)
        {
            wheel.Schedule($"i{s}", now.AddSeconds(s));
        }

        var fired = AdvanceBy(TimeSpan.FromSeconds(50), wheel);
        Assert.Equal(50, fired.Count);
        Assert.Equal(Enumerable.Range(1, 50).Select(s => $"i{s}").Order(), fired.Order());
        Assert.Equal(50, wheel.Count);
        Assert.Equal(50, AdvanceBy(TimeSpan.FromSeconds(60), wheel).Count);
    }

    [Fact]
    public void A_due_instant_already_passed_fires_on_the_next_advance_and_a_clock_stepping_back_fires_nothing()
    {
        var wheel = new TimingWheel<string>(TimeSpan.FromSeconds(1), 8);
        var now = _clock.GetUtcNow();
        wheel.Advance(now, []);
        wheel.Schedule("late", now.AddSeconds(-30));
        _fired.Clear();
        wheel.Advance(now.AddSeconds(-5), _fired);
        Assert.Empty(_fired);
        Assert.Equal(["late"], AdvanceBy(TimeSpan.FromSeconds(1), wheel));
    }

    [Fact]
    public void Items_scheduled_before_the_first_advance_are_found_by_it()
    {
        var wheel = new TimingWheel<string>(TimeSpan.FromSeconds(1), 8);
        wheel.Schedule("early", _clock.GetUtcNow().AddSeconds(-100));
        wheel.Schedule("soon", _clock.GetUtcNow().AddSeconds(1));
        Assert.Equal(["early"], AdvanceBy(TimeSpan.Zero, wheel));
        Assert.Equal(["soon"], AdvanceBy(TimeSpan.FromSeconds(1), wheel));
    }
}
