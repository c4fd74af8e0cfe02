namespace CheckoutWatch.LoadTests.Generator;

/// <summary>Which event a generated session emits next.</summary>
public enum SessionStage
{
    Start = 0,
    Submit = 1,
    ActionRequired = 2,
    Outcome = 3,
    Complete = 4,
    Abandon = 5,
    Done = 6,
}
