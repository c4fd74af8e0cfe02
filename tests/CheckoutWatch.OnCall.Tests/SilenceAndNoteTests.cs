using CheckoutWatch.OnCall.Silences;
using CheckoutWatch.OnCall.Timeline;

namespace CheckoutWatch.OnCall.Tests;

public sealed class SilenceAndNoteTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_silence_covers_what_it_names_and_treats_absent_fields_as_any()
    {
        var adyen = new SilenceRule("shop", null, "psp", "adyen", T0, T0.AddHours(1));
        Assert.True(adyen.Covers("shop", "payment_failure_spike", "psp", "adyen"));
        Assert.False(adyen.Covers("shop", "payment_failure_spike", "psp", "stripe"));
        Assert.False(adyen.Covers("other", "payment_failure_spike", "psp", "adyen"));
        Assert.False(adyen.Covers("shop", "payment_failure_spike", "merchant", "shop"));

        var everything = new SilenceRule(null, null, null, null, T0, T0.AddHours(1));
        Assert.True(everything.Covers("any", "traffic_drop", "merchant", "any"));

        Assert.False(adyen.ActiveAt(T0.AddSeconds(-1)));
        Assert.True(adyen.ActiveAt(T0));
        Assert.False(adyen.ActiveAt(T0.AddHours(1)));
    }

    [Theory]
    [InlineData("kind", "fire", null, null, 60, "r")]
    [InlineData("dimension.kind", null, "planet", null, 60, "r")]
    [InlineData("dimension.kind", null, null, "adyen", 60, "r")]
    [InlineData("endsAt", null, null, null, -5, "r")]
    [InlineData("endsAt", null, null, null, 60 * 24 * 31, "r")]
    [InlineData("reason", null, null, null, 60, "")]
    public void A_bad_silence_is_refused_with_the_field(string field, string? kind, string? dimensionKind, string? dimensionValue, int minutes, string reason)
    {
        var rule = new SilenceRule("shop", kind, dimensionKind, dimensionValue, T0.AddMinutes(-10), T0.AddMinutes(minutes));
        Assert.Contains(SilenceRules.Check(rule, reason, T0), p => p.Field == field);
    }

    [Fact]
    public void A_good_silence_has_no_problem()
    {
        Assert.Empty(SilenceRules.Check(new SilenceRule("shop", "payment_failure_spike", "psp", "adyen", T0, T0.AddHours(2)), "PSP maintenance", T0));
        Assert.Contains(SilenceRules.Check(new SilenceRule("shop", null, null, null, T0, T0), "x", T0), p => p.Field == "endsAt");
    }

    [Fact]
    public void Notes_are_checked_for_text_length_and_control_characters()
    {
        Assert.Null(NoteRules.Problem("Rolled back the 3DS config.\nWatching."));
        Assert.NotNull(NoteRules.Problem(""));
        Assert.NotNull(NoteRules.Problem("   "));
        Assert.NotNull(NoteRules.Problem(new string('x', NoteRules.MaxLength + 1)));
        Assert.NotNull(NoteRules.Problem("bell\u0007"));
    }
}
