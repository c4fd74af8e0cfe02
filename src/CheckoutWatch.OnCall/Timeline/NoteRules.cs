namespace CheckoutWatch.OnCall.Timeline;

/// <summary>What a note on an alert may be: 1–2,000 characters, no control characters but line breaks and tabs.</summary>
public static class NoteRules
{
    public const int MaxLength = 2_000;

    /// <summary>Why the text is not a usable note, or null.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "A note needs some text.";
        }

        if (text.Length > MaxLength)
        {
            return $"A note is at most {MaxLength} characters.";
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? "A note may not contain control characters other than line breaks and tabs."
            : null;
    }
}
