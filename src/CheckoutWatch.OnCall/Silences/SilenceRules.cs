using CheckoutWatch.Detection.Alerts;

namespace CheckoutWatch.OnCall.Silences;

/// <summary>What a new silence must satisfy; each problem names its field.</summary>
public static class SilenceRules
{
    public const int MaxReasonLength = 500;
    public const int MaxMerchantLength = 128;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    public static IReadOnlyList<(string Field, string Message)> Check(SilenceRule rule, string? reason, DateTimeOffset now)
    {
        var problems = new List<(string, string)>();
        if (rule.MerchantId is { } m && (m.Length is 0 or > MaxMerchantLength || m.Any(char.IsControl)))
        {
            problems.Add(("merchantId", $"merchantId is 1–{MaxMerchantLength} printable characters, or absent for any merchant."));
        }

        if (rule.Kind is { } kind && !AlertWireNames.TryParseKind(kind, out _))
        {
            problems.Add(("kind", $"Unknown alert kind '{kind}'."));
        }

        if (rule.DimensionKind is { } dk && !AlertWireNames.TryParseDimension(dk, out _))
        {
            problems.Add(("dimension.kind", $"Unknown dimension '{dk}'."));
        }

        if (rule.DimensionValue is not null && rule.DimensionKind is null)
        {
            problems.Add(("dimension.kind", "A dimension value needs its kind (e.g. psp)."));
        }

        if (rule.EndsAt <= rule.StartsAt)
        {
            problems.Add(("endsAt", "endsAt must be after startsAt."));
        }
        else if (rule.EndsAt <= now)
        {
            problems.Add(("endsAt", "endsAt is in the past."));
        }
        else if (rule.EndsAt - rule.StartsAt > MaxDuration)
        {
            problems.Add(("endsAt", $"A silence lasts at most {MaxDuration.TotalDays:F0} days."));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength || reason.Any(c => char.IsControl(c) && c != '\n'))
        {
            problems.Add(("reason", $"A reason is required: 1–{MaxReasonLength} characters."));
        }

        return problems;
    }
}
