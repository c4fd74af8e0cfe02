namespace CheckoutWatch.Server.Apis;

/// <summary>A note on an alert, and who writes it.</summary>
public sealed record AlertNoteRequest(string By, string Text)
{
    /// <summary>A 400 problem when who writes is not usable (the text is checked by the note rules).</summary>
    public IResult? Invalid() => new AlertActionRequest(By).Invalid();
}
