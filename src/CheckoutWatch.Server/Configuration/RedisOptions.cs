using StackExchange.Redis;

namespace CheckoutWatch.Server.Configuration;

/// <summary>
/// Section <c>CheckoutWatch:Redis</c>. A connection string switches the node to cluster mode:
/// Redis clustering, grain storage, reminders and the SignalR backplane. Without one the node
/// runs embedded (localhost clustering, in-memory storage).
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "CheckoutWatch:Redis";

    /// <summary>Also accepted: <c>ConnectionStrings:Redis</c>.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Reads the section, falling back to <c>ConnectionStrings:Redis</c>.</summary>
    public static RedisOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<RedisOptions>() ?? new RedisOptions();
        if (!options.IsConfigured)
        {
            options.ConnectionString = configuration.GetConnectionString(ConnectionStringName);
        }

        return options;
    }

    /// <summary>
    /// The parsed configuration. A node must keep running while Redis restarts, so it never gives
    /// up connecting (<c>abortConnect=false</c>) whatever the string says.
    /// </summary>
    public ConfigurationOptions ToConfigurationOptions()
    {
        var parsed = ConfigurationOptions.Parse(ConnectionString!);
        parsed.AbortOnConnectFail = false;
        return parsed;
    }

    /// <summary>Null when usable, else why not.</summary>
    public string? Problem()
    {
        if (!IsConfigured)
        {
            return null;
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(ConnectionString!);
            return parsed.EndPoints.Count == 0
                ? $"{Section}:ConnectionString names no Redis endpoint (expected host:port)."
                : null;
        }
        catch (ArgumentException ex)
        {
            return $"{Section}:ConnectionString is not a valid Redis configuration string: {ex.Message}";
        }
    }
}
