namespace CheckoutWatch.LoadTests.Generator;

/// <summary>A session being generated; one instance per slot, reused for the next session.</summary>
internal sealed class SessionState
{
    public long Number { get; set; }
    public int Sequence { get; set; }
    public required MerchantProfile Merchant { get; set; }
    public SessionStage Stage { get; set; }
    public long AmountMinor { get; set; }
    public string Psp { get; set; } = "";
    public PaymentMethodProfile? Method { get; set; }
    public string? Network { get; set; }
    public int Attempts { get; set; }
    public bool WillSucceed { get; set; }
    public bool WithCustomer { get; set; }
}
