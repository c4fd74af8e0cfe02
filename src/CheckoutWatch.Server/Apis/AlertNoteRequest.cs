namespace CheckoutWatch.Server.Apis;

/// <summary>A note on an alert (who writes it is the signed-in user).</summary>
public sealed record AlertNoteRequest(string? Text);
