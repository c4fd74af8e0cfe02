using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Configuration;

public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options) =>
        options.Enabled && string.IsNullOrEmpty(options.IngestKey)
            ? ValidateOptionsResult.Fail("CheckoutWatch:Demo:IngestKey is required when the demo traffic is enabled.")
            : ValidateOptionsResult.Success;
}
