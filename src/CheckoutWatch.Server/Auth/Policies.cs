namespace CheckoutWatch.Server.Auth;

/// <summary>
/// Authorization policy names. Every API route and hub method names the one it needs; the roles
/// behind each name are registered in one place (the authentication setup).
/// </summary>
public static class Policies
{
    /// <summary>See the board: tiles, alerts, counts. wall, agent, oncall, admin.</summary>
    public const string ViewBoard = "view-board";

    /// <summary>Acknowledge, note, resolve, reopen, silence and escalate alerts. oncall, admin.</summary>
    public const string ActOnAlerts = "act-on-alerts";

    /// <summary>Work the outreach queue: claim items, record outcomes, escalate to payments. agent, admin.</summary>
    public const string WorkOutreach = "work-outreach";

    /// <summary>Receive customer contact data (name, email, phone) unmasked. agent, admin.</summary>
    public const string SeeCustomerData = "see-customer-data";

    /// <summary>Users, display tokens, ingest keys, audit log, configuration. admin.</summary>
    public const string Administer = "administer";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> RolesFor { get; } = new Dictionary<string, string[]>
    {
        [ViewBoard] = [Roles.Wall, Roles.Agent, Roles.Oncall, Roles.Admin],
        [ActOnAlerts] = [Roles.Oncall, Roles.Admin],
        [WorkOutreach] = [Roles.Agent, Roles.Admin],
        [SeeCustomerData] = [Roles.Agent, Roles.Admin],
        [Administer] = [Roles.Admin],
    };
}
