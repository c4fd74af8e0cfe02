using System.Text;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;

namespace CheckoutWatch.Detection.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    private readonly KnowledgeBase _kb = KnowledgeBase.LoadDefault();

    [Theory]
    [InlineData("05"), InlineData("51"), InlineData("54"), InlineData("14"), InlineData("N7"), InlineData("57"), InlineData("59")]
    [InlineData("04"), InlineData("07"), InlineData("41"), InlineData("43"), InlineData("91"), InlineData("96")]
    [InlineData("03"), InlineData("12"), InlineData("15")]
    public void Default_knowledge_base_knows_every_code_with_guidance(string code)
    {
        var entry = _kb.Lookup(code, FailureKind.Declined);

        Assert.NotNull(entry);
        Assert.False(string.IsNullOrWhiteSpace(entry.Meaning));
        Assert.False(string.IsNullOrWhiteSpace(entry.AgentGuidance));
        Assert.False(string.IsNullOrWhiteSpace(entry.NeverSay));
    }

    [Theory]
    [InlineData("91", DeclineClass.Technical, true, WhoActs.PaymentsTeam)]
    [InlineData("96", DeclineClass.Technical, true, WhoActs.PaymentsTeam)]
    [InlineData("03", DeclineClass.MerchantConfig, true, WhoActs.PaymentsTeam)]
    [InlineData("12", DeclineClass.MerchantConfig, true, WhoActs.PaymentsTeam)]
    [InlineData("51", DeclineClass.CustomerFixable, false, WhoActs.Customer)]
    [InlineData("n7", DeclineClass.CustomerFixable, false, WhoActs.Customer)]
    [InlineData("59", DeclineClass.FraudSuspected, false, WhoActs.Customer)]
    [InlineData("43", DeclineClass.HardDecline, false, WhoActs.Nobody)]
    public void Codes_have_the_class_and_paging_rule_of_the_payments_facts(string code, DeclineClass expected, bool actionable, WhoActs who)
    {
        Assert.Equal(expected, _kb.ClassOf(code, FailureKind.Declined));
        Assert.Equal(actionable, _kb.IsActionable(code, FailureKind.Declined));
        Assert.Equal(who, _kb.Lookup(code, FailureKind.Declined)!.WhoActs);
    }

    [Theory]
    [InlineData(FailureKind.Error)]
    [InlineData(FailureKind.Timeout)]
    public void Technical_failure_kinds_page_even_with_a_customer_code(FailureKind kind)
    {
        var entry = _kb.Lookup("51", kind);

        Assert.Equal(kind, entry?.FailureKind);
        Assert.Equal(DeclineClass.Technical, _kb.ClassOf("51", kind));
        Assert.True(_kb.IsActionable(null, kind));
    }

    [Fact]
    public void Network_specific_codes_depend_on_the_network()
    {
        Assert.Equal(DeclineClass.AuthenticationRequired, _kb.ClassOf("1A", FailureKind.Declined, "visa"));
        Assert.Equal(DeclineClass.AuthenticationRequired, _kb.ClassOf("65", FailureKind.Declined, "mastercard"));
        Assert.Null(_kb.Lookup("65", FailureKind.Declined, "visa"));
        Assert.NotNull(_kb.Lookup("65", FailureKind.Declined));
    }

    [Fact]
    public void Unknown_codes_are_unknown_and_do_not_page()
    {
        Assert.Null(_kb.Lookup("Z9", FailureKind.Declined));
        Assert.Equal(DeclineClass.Unknown, _kb.ClassOf("Z9", FailureKind.Declined));
        Assert.False(_kb.IsActionable("Z9", FailureKind.Declined));
        Assert.Contains("acquirer", _kb.Note, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Deployment_override_replaces_an_entry_and_adds_new_ones()
    {
        const string json = """
            {
              "note": "Our acquirer sends 05 for its own outages.",
              "entries": [
                { "code": "05", "meaning": "Acquirer outage (our acquirer)", "decline": "soft", "whoActs": "payments_team",
                  "class": "technical", "technical": true, "agentGuidance": "Retry in a few minutes.", "neverSay": "Do not blame the card." },
                { "code": "R1", "networks": ["visa"], "meaning": "Recurring payment stopped", "decline": "hard", "retryCategory": 1,
                  "whoActs": "customer", "class": "hard_decline", "technical": false, "agentGuidance": "Ask for another card.", "neverSay": "-" }
              ]
            }
            """;
        var merged = _kb.Merge(KnowledgeBase.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.True(merged.IsActionable("05", FailureKind.Declined));
        Assert.Equal(DeclineClass.HardDecline, merged.ClassOf("R1", FailureKind.Declined, "visa"));
        Assert.Equal(DeclineClass.CustomerFixable, merged.ClassOf("51", FailureKind.Declined));
        Assert.StartsWith("Our acquirer", merged.Note, StringComparison.Ordinal);
        Assert.False(_kb.IsActionable("05", FailureKind.Declined));
    }

    [Fact]
    public void Entry_with_both_code_and_failure_kind_is_rejected()
    {
        const string json = """{ "entries": [ { "code": "05", "failureKind": "error" } ] }""";

        Assert.Throws<InvalidDataException>(() => KnowledgeBase.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }
}
