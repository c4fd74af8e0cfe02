using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Detection.Tests.Monitoring;

public sealed class WireNameTests
{
    [Fact]
    public void Alert_enums_round_trip_through_their_snake_case_wire_names()
    {
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            Assert.True(AlertWireNames.TryParseKind(kind.ToWire(), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal("payment_failure_spike", AlertKind.PaymentFailureSpike.ToWire());
        Assert.Equal("repeated_payment_failures", SessionFindingKind.RepeatedPaymentFailures.ToAlertKind().ToWire());
        Assert.Equal("decline_class", DimensionKind.DeclineClass.ToWire());
        Assert.True(AlertWireNames.TryParseSeverity("critical", out var severity));
        Assert.Equal(AlertSeverity.Critical, severity);
        Assert.False(AlertWireNames.TryParseKind("nope", out _));
        Assert.Equal("merchant_config", DeclineClass.MerchantConfig.ToWire());
    }

    [Fact]
    public void Incident_key_is_merchant_kind_dimension_and_value()
    {
        var key = DetectedAlert.KeyFor("m1", AlertKind.PaymentFailureSpike, new AlertDimension(DimensionKind.Psp, "adyen"));

        Assert.Equal("m1|payment_failure_spike|psp|adyen", key);
    }
}
