using System.Collections.Immutable;
using System.Globalization;
using CheckoutWatch.Abstractions.Audit;

namespace CheckoutWatch.Grains.Audit;

/// <summary>
/// Writes each entry to the grain of its UTC day and reads across days, newest first, for at most
/// <see cref="MaxDays"/> days per query.
/// </summary>
public sealed class AuditLog(IGrainFactory grains, TimeProvider clock) : IAuditLog
{
    public const int MaxDays = 366;

    /// <summary>Without <c>from</c>, a query looks back this far.</summary>
    public static readonly TimeSpan DefaultLookBack = TimeSpan.FromDays(31);

    public static string DayKey(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Task<AuditEntry> RecordAsync(string actor, string action, string target, string? detail = null)
    {
        var now = clock.GetUtcNow();
        return grains.GetGrain<IAuditLogGrain>(DayKey(now)).AppendAsync(now, actor, action, target, detail);
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query)
    {
        var now = clock.GetUtcNow();
        var to = query.To ?? now.AddTicks(1);
        var from = query.From ?? to - DefaultLookBack;
        var day = to.UtcDateTime.Date;
        if (query.Before is { Length: >= 8 } before
            && DateTime.TryParseExact(before[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var cursorDay)
            && cursorDay < day)
        {
            day = cursorDay;
        }

        var limit = Math.Clamp(query.Limit, 1, 1000);
        var entries = ImmutableArray.CreateBuilder<AuditEntry>();
        // One more than asked tells whether there is a next page.
        var wanted = query with { Limit = limit + 1 };
        for (var n = 0; n < MaxDays && day >= from.UtcDateTime.Date && entries.Count <= limit; n++, day = day.AddDays(-1))
        {
            var found = await grains.GetGrain<IAuditLogGrain>(DayKey(new DateTimeOffset(day, TimeSpan.Zero)))
                .QueryAsync(wanted with { Limit = limit + 1 - entries.Count });
            entries.AddRange(found);
        }

        var page = entries.Take(limit).ToImmutableArray();
        return new AuditPage(page, entries.Count > limit ? page[^1].Id : null);
    }
}
