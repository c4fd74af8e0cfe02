namespace CheckoutWatch.Server.Auth;

/// <summary>During a rotation a key name has two valid keys: the current one and the next one.</summary>
public static class IngestKeySlots
{
    public const string Current = "current";
    public const string Next = "next";

    public static bool IsKnown(string slot) => slot is Current or Next;
}
