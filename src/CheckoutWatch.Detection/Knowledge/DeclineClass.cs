namespace CheckoutWatch.Detection.Knowledge;

/// <summary>
/// What a failure says about where the problem is. Technical and merchant-configuration failures
/// are actionable (they page); the others are the customer's or the issuer's business.
/// Wire names are snake_case: technical, merchant_config, customer_fixable, …
/// </summary>
public enum DeclineClass
{
    /// <summary>Unrecognised decline code, or a decline without a code.</summary>
    Unknown = 0,
    /// <summary>Issuer/switch unavailable, PSP errors, timeouts: an incident when they spike.</summary>
    Technical = 1,
    /// <summary>Invalid merchant or transaction set-up: the payments team must fix configuration.</summary>
    MerchantConfig = 2,
    /// <summary>Funds, expiry, card number, security code: the customer can fix or change the card.</summary>
    CustomerFixable = 3,
    /// <summary>Strong customer authentication required: retry with the bank's verification step.</summary>
    AuthenticationRequired = 4,
    /// <summary>The issuer will not approve this card (not permitted, lost, stolen, pick up).</summary>
    HardDecline = 5,
    /// <summary>The issuer suspects fraud and wants the cardholder to confirm.</summary>
    FraudSuspected = 6,
}
