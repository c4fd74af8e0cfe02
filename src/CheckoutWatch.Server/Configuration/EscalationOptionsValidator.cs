using CheckoutWatch.OnCall.Configuration;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Configuration;

/// <summary>Refuses to start with an unusable escalation configuration, naming every bad setting.</summary>
internal sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        var problems = EscalationOptionsRules.Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
