using CheckoutWatch.OnCall.Escalation;

namespace CheckoutWatch.OnCall.Configuration;

/// <summary>
/// <c>CheckoutWatch:Escalation</c>: named notification targets, the escalation policies that use
/// them, when an acknowledgement goes stale, and delivery. See docs/escalation.md.
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "CheckoutWatch:Escalation";

    /// <summary>Target names the built-in policies use (each only if configured).</summary>
    public const string Primary = "primary";
    public const string Secondary = "secondary";
    public const string Lead = "lead";

    public Dictionary<string, NotificationTargetOptions> Targets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Empty: the built-in policies (<see cref="DefaultPolicies"/>).</summary>
    public List<EscalationPolicyOptions> Policies { get; set; } = [];

    /// <summary>An acknowledged, unresolved alert nobody touched this long re-notifies; zero turns this off.</summary>
    public TimeSpan AcknowledgementStaleAfter { get; set; } = TimeSpan.FromMinutes(30);

    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>The board's public address, linked from notifications (optional).</summary>
    public Uri? BoardUrl { get; set; }

    /// <summary>
    /// The built-in policies: critical alerts go to <c>primary</c> at once, <c>secondary</c> after
    /// 10 minutes and <c>lead</c> after 30; major ones to <c>primary</c> at once and <c>secondary</c>
    /// after 15; minor ones stay on the board.
    /// </summary>
    public static IReadOnlyList<EscalationPolicy> DefaultPolicies { get; } =
    [
        new("*", "critical", [new(TimeSpan.Zero, [Primary]), new(TimeSpan.FromMinutes(10), [Secondary]), new(TimeSpan.FromMinutes(30), [Lead])]),
        new("*", "major", [new(TimeSpan.Zero, [Primary]), new(TimeSpan.FromMinutes(15), [Secondary])]),
    ];

    /// <summary>The configured policies, or the built-in ones limited to the targets that are configured.</summary>
    public IReadOnlyList<EscalationPolicy> EffectivePolicies()
    {
        if (Policies.Count > 0)
        {
            return [.. Policies.Select(p => new EscalationPolicy(p.Kind, p.Severity,
                [.. p.Levels.Select(l => new EscalationLevel(l.After, [.. l.Targets]))]))];
        }

        return [.. DefaultPolicies.Select(p => p with
        {
            Levels = [.. p.Levels.Select(l => l with { Targets = [.. l.Targets.Where(Targets.ContainsKey)] })],
        })];
    }

    public EscalationPlanner CreatePlanner() =>
        new(EffectivePolicies(), AcknowledgementStaleAfter > TimeSpan.Zero ? AcknowledgementStaleAfter : null);
}
