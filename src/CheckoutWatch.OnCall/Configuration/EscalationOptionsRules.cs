using CheckoutWatch.Detection.Alerts;

namespace CheckoutWatch.OnCall.Configuration;

/// <summary>Every reason the escalation configuration cannot be used, each naming the setting.</summary>
public static class EscalationOptionsRules
{
    public const int MinSecretLength = 16;

    public static IReadOnlyList<string> Check(EscalationOptions options)
    {
        var errors = new List<string>();
        foreach (var (name, target) in options.Targets)
        {
            var at = $"{EscalationOptions.Section}:Targets:{name}";
            if (target.Type is not (NotificationTargetOptions.Webhook or NotificationTargetOptions.PagerDuty))
            {
                errors.Add($"{at}:Type must be 'webhook' or 'pagerduty', not '{target.Type}'.");
                continue;
            }

            if (target.Url is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            {
                errors.Add($"{at}:Url must be an absolute http or https URL.");
            }

            if (target.Type == NotificationTargetOptions.Webhook)
            {
                if (target.Url is null)
                {
                    errors.Add($"{at}:Url is required for a webhook.");
                }

                if (target.Secret is null || target.Secret.Length < MinSecretLength)
                {
                    errors.Add($"{at}:Secret is required for a webhook: at least {MinSecretLength} characters.");
                }
            }
            else if (string.IsNullOrWhiteSpace(target.RoutingKey) || target.RoutingKey.Length > 64)
            {
                errors.Add($"{at}:RoutingKey is required for PagerDuty (the integration key, at most 64 characters).");
            }
        }

        for (var p = 0; p < options.Policies.Count; p++)
        {
            CheckPolicy(options, options.Policies[p], $"{EscalationOptions.Section}:Policies:{p}", errors);
        }

        if (options.AcknowledgementStaleAfter < TimeSpan.Zero)
        {
            errors.Add($"{EscalationOptions.Section}:AcknowledgementStaleAfter must not be negative (zero turns it off).");
        }

        var delivery = options.Delivery;
        if (delivery.MaxAttempts is < 1 or > 50)
        {
            errors.Add($"{EscalationOptions.Section}:Delivery:MaxAttempts must be between 1 and 50.");
        }

        if (delivery.FirstRetryDelay <= TimeSpan.Zero || delivery.MaxRetryDelay < delivery.FirstRetryDelay)
        {
            errors.Add($"{EscalationOptions.Section}:Delivery: FirstRetryDelay must be positive and MaxRetryDelay at least as long.");
        }

        if (delivery.RequestTimeout <= TimeSpan.Zero || delivery.RequestTimeout > TimeSpan.FromMinutes(2))
        {
            errors.Add($"{EscalationOptions.Section}:Delivery:RequestTimeout must be between 0 and 2 minutes.");
        }

        return errors;
    }

    private static void CheckPolicy(EscalationOptions options, EscalationPolicyOptions policy, string at, List<string> errors)
    {
        if (policy.Kind != "*" && !AlertWireNames.TryParseKind(policy.Kind, out _))
        {
            errors.Add($"{at}:Kind '{policy.Kind}' is not an alert kind (or '*').");
        }

        if (policy.Severity != "*" && !AlertWireNames.TryParseSeverity(policy.Severity, out _))
        {
            errors.Add($"{at}:Severity '{policy.Severity}' is not minor, major, critical (or '*').");
        }

        if (policy.Levels.Count == 0)
        {
            errors.Add($"{at}:Levels needs at least one level.");
        }

        var previous = TimeSpan.MinValue;
        for (var l = 0; l < policy.Levels.Count; l++)
        {
            var level = policy.Levels[l];
            if (level.After < TimeSpan.Zero || level.After < previous)
            {
                errors.Add($"{at}:Levels:{l}:After must not be negative nor earlier than the level before.");
            }

            previous = level.After;
            if (level.Targets.Count == 0)
            {
                errors.Add($"{at}:Levels:{l}:Targets needs at least one target.");
            }

            foreach (var unknown in level.Targets.Where(t => !options.Targets.ContainsKey(t)))
            {
                errors.Add($"{at}:Levels:{l}:Targets names '{unknown}', which is not configured under Targets.");
            }
        }
    }
}
