namespace CheckoutWatch.Server.Apis;

/// <summary>Who acts on an alert.</summary>
public sealed record AlertActionRequest(string By)
{
    public const int MaxByLength = 128;

    /// <summary>A 400 problem when the request is not usable, otherwise null.</summary>
    public IResult? Invalid() =>
        string.IsNullOrWhiteSpace(By) || By.Length > MaxByLength || By.Any(char.IsControl)
            ? Problems.BadBody("by", $"'by' is required: who acts, 1–{MaxByLength} printable characters.")
            : null;
}
