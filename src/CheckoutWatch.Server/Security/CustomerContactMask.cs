using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Server.Security;

/// <summary>
/// Customer contact data as it may leave the node: whole toward agents and admins (policy
/// see-customer-data), masked toward everyone else — enough to tell two customers apart on a
/// wall, not enough to reach or identify one. Apply it at every boundary (API answer, hub
/// answer, hub push) that carries a <see cref="CustomerInfo"/>.
/// </summary>
public static class CustomerContactMask
{
    private const string Dots = "•••";

    public static CustomerContactView? View(CustomerInfo? customer, bool unmasked) => customer is null ? null
        : unmasked ? new CustomerContactView(customer.Id, customer.Name, customer.Email, customer.Phone, Masked: false)
        : new CustomerContactView(null, Initials(customer.Name), Email(customer.Email), Phone(customer.Phone), Masked: true);

    /// <summary>"Maria Schmidt" → "M. S."</summary>
    internal static string? Initials(string? name) => string.IsNullOrWhiteSpace(name) ? null
        : string.Join(" ", name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3).Select(p => char.ToUpperInvariant(p[0]) + "."));

    /// <summary>"maria.schmidt@example.com" → "m•••@•••.com"</summary>
    internal static string? Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var dot = email.LastIndexOf('.');
        var tld = dot > at && dot < email.Length - 1 ? email[dot..] : "";
        return at > 0 ? $"{email[0]}{Dots}@{Dots}{tld}" : Dots;
    }

    /// <summary>"+49 30 1234567" → "•••67"</summary>
    internal static string? Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return null;
        }

        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        return digits.Length >= 6 ? Dots + new string(digits[^2..]) : Dots;
    }
}
