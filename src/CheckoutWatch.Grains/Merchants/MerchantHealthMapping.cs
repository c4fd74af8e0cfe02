using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Health;
using CheckoutWatch.Detection.Health;

namespace CheckoutWatch.Grains.Merchants;

internal static class MerchantHealthMapping
{
    public static MerchantHealth ToTile(HealthFigures f) => new(
        f.MerchantId,
        f.At,
        f.LastMinute.Started,
        f.LastMinute.Attempts,
        f.LastMinute.Outcomes,
        f.LastMinute.Failures,
        f.LastMinute.SuccessRate,
        f.LastFiveMinutes.Outcomes,
        f.LastFiveMinutes.SuccessRate,
        f.InFlightSessions,
        f.History.Select(p => new HealthSample(p.At, p.Outcomes, p.SuccessRate)).ToImmutableArray());

    /// <summary>Whether two tiles show the same figures (their time aside): then nothing is sent.</summary>
    public static bool SameFigures(MerchantHealth a, MerchantHealth b) =>
        a.CheckoutsStarted1m == b.CheckoutsStarted1m
        && a.PaymentAttempts1m == b.PaymentAttempts1m
        && a.Outcomes1m == b.Outcomes1m
        && a.Failures1m == b.Failures1m
        && a.Outcomes5m == b.Outcomes5m
        && a.SuccessRate5m == b.SuccessRate5m
        && a.InFlightSessions == b.InFlightSessions
        && a.History.Select(h => h.Outcomes).SequenceEqual(b.History.Select(h => h.Outcomes));

    public static string WireName(BreakdownDimension dimension) => dimension switch
    {
        BreakdownDimension.Psp => "psp",
        BreakdownDimension.PaymentMethod => "payment_method",
        BreakdownDimension.CardNetwork => "card_network",
        _ => "decline_code",
    };
}
