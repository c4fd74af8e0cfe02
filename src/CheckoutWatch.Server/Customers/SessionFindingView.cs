using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Server.Security;

namespace CheckoutWatch.Server.Customers;

/// <summary>A per-session finding (stuck, repeated failures, duplicate charge) as it leaves the node, contact data masked by role.</summary>
public sealed record SessionFindingView(
    string Kind,
    string MerchantId,
    string SessionId,
    DateTimeOffset DetectedAt,
    long? AmountMinor,
    string? Currency,
    string? Psp,
    string? PaymentMethod,
    string? DeclineCode,
    int FailedAttempts,
    int SuccessfulPayments,
    CustomerContactView? Customer)
{
    public static SessionFindingView From(SessionFinding finding, bool unmasked) => new(
        finding.Kind.ToAlertKind().ToWire(),
        finding.MerchantId,
        finding.SessionId,
        finding.DetectedAt,
        finding.AmountMinor,
        finding.Currency,
        finding.Psp,
        finding.PaymentMethod,
        finding.DeclineCode,
        finding.FailedAttempts,
        finding.SuccessfulPayments,
        CustomerContactMask.View(finding.Customer, unmasked));
}
