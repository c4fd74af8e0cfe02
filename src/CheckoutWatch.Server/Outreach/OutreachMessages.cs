using CheckoutWatch.Abstractions.Outreach;

namespace CheckoutWatch.Server.Outreach;

/// <summary>
/// What the agent tells the customer, per reason. Deliberately plain: it never guesses at the
/// bank's reason nor mentions funds (the knowledge base's "never say" applies to every decline).
/// </summary>
public static class OutreachMessages
{
    public static string Summary(OutreachReason reason) => reason switch
    {
        OutreachReason.DuplicateCharge => "Charged twice in one checkout: refund the duplicate and tell the customer.",
        OutreachReason.StuckAtPayment => "The payment stopped before completing (no result from the bank or PSP): check the order, offer a fresh payment link.",
        OutreachReason.IncidentFailure => "The payment failed during an open incident: the problem is ours, not the customer's.",
        _ => "Several payments failed without a success: help the customer finish with another card or method.",
    };

    /// <summary>The message for the case; <paramref name="name"/> is the customer's name, only when the reader may see it.</summary>
    public static string Suggest(OutreachCandidate c, string? name)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]},";
        var amount = OutreachViews.Money(c.AmountMinor, c.Currency);
        var body = c.Reason switch
        {
            OutreachReason.DuplicateCharge =>
                $"we noticed you were charged twice for your order with {c.MerchantId} ({amount}). We are refunding the duplicate payment; it will appear on your statement within a few days. We are sorry for the trouble.",
            OutreachReason.StuckAtPayment =>
                $"your payment of {amount} with {c.MerchantId} did not finish. If you would still like your order, we can send you a new payment link, and we will make sure you are not charged twice.",
            OutreachReason.IncidentFailure =>
                $"your payment of {amount} with {c.MerchantId} failed because of a technical problem on our side, not because of your card. We are sorry. If you would still like your order, we can help you complete it now.",
            _ =>
                $"we saw that your payment of {amount} with {c.MerchantId} could not be completed. We are happy to help you finish your order, for example with another card or payment method.",
        };
        return $"{greeting} {body}";
    }
}
