using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Outreach;

/// <summary>Puts customers on the node's real outreach queue the way production does: events → session finding → merchant grain → queue.</summary>
public static class OutreachSeed
{
    public const string Name = "Maria Schmidt";
    public const string Email = "maria.schmidt@example.org";
    public const string Phone = "+49 30 1234567";

    /// <summary>A new merchant with one customer who failed three payments (decline 51); answers the merchant and the item id.</summary>
    public static async Task<(string Merchant, string ItemId)> RepeatedFailuresAsync(ServerFixture server, long amount = 4999)
    {
        var merchant = "out-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow.ToString("O");
        var events = new List<object>
        {
            new { eventId = "e0", merchantId = merchant, sessionId = "s1", type = "checkout_started", occurredAt = at, customer = new { id = "cust-77", name = Name, email = Email, phone = Phone } },
        };
        for (var i = 1; i <= 3; i++)
        {
            events.Add(new { eventId = $"e{i}", merchantId = merchant, sessionId = "s1", type = "payment_failed", occurredAt = at, amountMinor = amount, currency = "EUR", psp = "adyen", paymentMethod = "card", cardNetwork = "visa", failureKind = "declined", declineCode = "51" });
        }

        using var ingest = server.CreateClient();
        using (var response = await ingest.PostAsJsonAsync("/api/v1/events", events))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // Findings travel session grain → merchant grain → (next tick) outreach grain.
        using var agent = await server.CreateUserClientAsync(Roles.Agent);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var items = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/outreach?merchant={merchant}");
            if (items.GetArrayLength() > 0)
            {
                return (merchant, items[0].GetProperty("id").GetString()!);
            }

            Assert.True(DateTime.UtcNow < deadline, "No outreach item arrived.");
            await Task.Delay(50);
        }
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string contains)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(contains, problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
