using CheckoutWatch.OnCall.Configuration;

namespace CheckoutWatch.OnCall.Tests;

public sealed class EscalationOptionsTests
{
    private static EscalationOptions Valid() => new()
    {
        Targets =
        {
            ["primary"] = new() { Type = "webhook", Url = new Uri("https://hooks.example/oncall"), Secret = "0123456789abcdef" },
            ["pd"] = new() { Type = "pagerduty", RoutingKey = "R0UT1NGKEY" },
        },
        Policies =
        {
            new() { Kind = "payment_failure_spike", Severity = "critical", Levels = { new() { Targets = { "primary" } }, new() { After = TimeSpan.FromMinutes(5), Targets = { "pd" } } } },
        },
    };

    [Fact]
    public void A_sound_configuration_has_no_problems()
    {
        Assert.Empty(EscalationOptionsRules.Check(Valid()));
        Assert.Empty(EscalationOptionsRules.Check(new EscalationOptions()));
    }

    [Theory]
    [InlineData("type", "Type must be")]
    [InlineData("secret", "Secret is required")]
    [InlineData("url", "Url must be an absolute")]
    [InlineData("routing", "RoutingKey is required")]
    [InlineData("kind", "is not an alert kind")]
    [InlineData("severity", "is not minor, major, critical")]
    [InlineData("unknown-target", "which is not configured")]
    [InlineData("order", "earlier than the level before")]
    [InlineData("attempts", "MaxAttempts")]
    [InlineData("stale", "AcknowledgementStaleAfter")]
    public void Each_bad_setting_is_named(string breakage, string expected)
    {
        var o = Valid();
        switch (breakage)
        {
            case "type": o.Targets["primary"].Type = "email"; break;
            case "secret": o.Targets["primary"].Secret = "short"; break;
            case "url": o.Targets["primary"].Url = new Uri("ftp://x.example/"); break;
            case "routing": o.Targets["pd"].RoutingKey = null; break;
            case "kind": o.Policies[0].Kind = "fire"; break;
            case "severity": o.Policies[0].Severity = "urgent"; break;
            case "unknown-target": o.Policies[0].Levels[0].Targets.Add("nobody"); break;
            case "order": o.Policies[0].Levels[1].After = TimeSpan.FromMinutes(-1); break;
            case "attempts": o.Delivery.MaxAttempts = 0; break;
            case "stale": o.AcknowledgementStaleAfter = TimeSpan.FromMinutes(-1); break;
        }

        var problems = EscalationOptionsRules.Check(o);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal) && p.StartsWith("CheckoutWatch:Escalation", StringComparison.Ordinal));
    }

    [Fact]
    public void Built_in_policies_use_only_the_targets_that_are_configured()
    {
        var o = new EscalationOptions { Targets = { ["primary"] = new() { Url = new Uri("http://127.0.0.1/"), Secret = "0123456789abcdef" } } };
        var critical = o.CreatePlanner().PolicyFor("payment_failure_spike", "critical")!;
        Assert.Equal(["primary"], critical.Levels[0].Targets);
        Assert.Empty(critical.Levels[1].Targets);
        Assert.Null(o.CreatePlanner().PolicyFor("stuck_sessions", "minor"));
    }
}
