using System.Globalization;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Grains.Outreach;
using CheckoutWatch.Server.Security;

namespace CheckoutWatch.Server.Outreach;

/// <summary>Builds <see cref="OutreachItemView"/>s: guidance from the knowledge base, the suggested message, contact data by role.</summary>
public sealed class OutreachViews(KnowledgeBase knowledge)
{
    public OutreachItemView View(OutreachItem item, bool unmasked)
    {
        var c = item.Case;
        return new OutreachItemView(item.Id, item.Version, item.Reason.ToWire(), item.Status.ToWire(), c.MerchantId, c.SessionId,
            c.AmountMinor, c.Currency, c.Psp, c.PaymentMethod, c.CardNetwork, c.DeclineCode, c.FailedAttempts, c.IncidentKey,
            CustomerContactMask.View(c.Customer, unmasked), Guidance(c), OutreachMessages.Suggest(c, unmasked ? c.Customer?.Name : null),
            OutreachRules.Score(item), c.DetectedAt, item.CreatedAt, item.UpdatedAt, item.ClaimedBy, item.ClaimedAt, item.ClaimExpiresAt,
            item.Outcome == OutreachOutcome.None ? null : item.Outcome.ToWire(), item.RecoveredAmountMinor, item.OutcomeBy, item.OutcomeAt,
            item.OutcomeNote);
    }

    public OutreachGuidanceView Guidance(OutreachCandidate c)
    {
        var summary = OutreachMessages.Summary(c.Reason);
        var kind = c.FailureKind is { } wire && CheckoutEventTypeNames.TryParseFailureKind(wire, out var parsed) ? parsed
            : c.DeclineCode is null ? FailureKind.None : FailureKind.Declined;
        if (c.Reason is OutreachReason.DuplicateCharge or OutreachReason.StuckAtPayment && c.DeclineCode is null)
        {
            return new OutreachGuidanceView(summary, null, null, null, null, null);
        }

        var entry = knowledge.Lookup(c.DeclineCode, kind, c.CardNetwork);
        return entry is null
            ? new OutreachGuidanceView(summary, c.DeclineCode is null ? null : $"Decline code {c.DeclineCode} is not in the knowledge base.", null, null, null, null)
            : new OutreachGuidanceView(summary, entry.Meaning, entry.AgentGuidance, entry.NeverSay, entry.RetryAdvice,
                entry.WhoActs switch { WhoActs.Customer => "customer", WhoActs.PaymentsTeam => "payments_team", _ => "nobody" });
    }

    /// <summary>"49.99 EUR": minor units in the currency's usual decimals (ISO 4217 exponent 0, 2 or 3).</summary>
    public static string Money(long? amountMinor, string? currency)
    {
        if (amountMinor is not { } minor)
        {
            return "your order";
        }

        var exponent = currency?.ToUpperInvariant() switch
        {
            "JPY" or "KRW" or "CLP" or "ISK" or "VND" or "XAF" or "XOF" or "HUF" or "UGX" or "PYG" or "RWF" or "KMF" or "GNF" or "DJF" or "BIF" or "VUV" or "XPF" => 0,
            "BHD" or "KWD" or "JOD" or "OMR" or "TND" or "IQD" or "LYD" => 3,
            _ => 2,
        };
        var major = minor / (decimal)Math.Pow(10, exponent);
        return major.ToString("N" + exponent, CultureInfo.InvariantCulture) + (currency is null ? "" : " " + currency.ToUpperInvariant());
    }
}
