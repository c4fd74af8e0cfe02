using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Outreach;

namespace CheckoutWatch.Grains.Tests.Outreach;

/// <summary>What a merchant grain hands the queue: findings, and failures inside an open incident with the customer from checkout_started.</summary>
public sealed class OutreachIntakeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly CustomerInfo Maria = new("c-1", "Maria Schmidt", "maria@example.org", null);

    [Fact]
    public void A_failure_inside_an_open_incident_on_its_psp_becomes_a_candidate_with_the_sessions_customer()
    {
        var intake = new OutreachIntake();
        var incident = new DetectedAlert("shop|psp=adyen", "shop", AlertKind.PaymentFailureSpike, new AlertDimension(DimensionKind.Psp, "adyen"));
        intake.Observe(new CheckoutEvent("e1", "shop", "s1", CheckoutEventType.CheckoutStarted, At) { Customer = Maria }, []);
        intake.Observe(Failed("e2", "s1", "adyen"), [incident]);
        intake.Observe(Failed("e3", "s2", "stripe"), [incident]);
        intake.Observe(Failed("e4", "s3", "adyen"), []);

        var candidate = Assert.Single(intake.Drain());
        Assert.Equal(OutreachReason.IncidentFailure, candidate.Reason);
        Assert.Equal(("s1", "shop|psp=adyen", Maria, 4999L), (candidate.SessionId, candidate.IncidentKey, candidate.Customer, candidate.AmountMinor!.Value));
        Assert.False(intake.HasPending);
    }

    [Fact]
    public void Findings_map_to_reasons_and_a_failed_delivery_is_kept_for_the_next_try()
    {
        var intake = new OutreachIntake();
        intake.Add(new SessionFinding(SessionFindingKind.DuplicateCharge, "shop", "s1", At) { Customer = Maria });
        intake.Add(new SessionFinding(SessionFindingKind.SessionStuck, "shop", "s2", At));
        intake.Add(new SessionFinding(SessionFindingKind.RepeatedPaymentFailures, "shop", "s3", At));

        var batch = intake.Drain();
        intake.Requeue(batch);

        Assert.Equal([OutreachReason.DuplicateCharge, OutreachReason.StuckAtPayment, OutreachReason.RepeatedFailures], intake.Drain().Select(c => c.Reason));
    }

    private static CheckoutEvent Failed(string id, string session, string psp) =>
        new(id, "shop", session, CheckoutEventType.PaymentFailed, At) { Psp = psp, AmountMinor = 4999, Currency = "EUR", DeclineCode = "91", FailureKind = FailureKind.Declined };
}
