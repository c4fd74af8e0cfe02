using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static CheckoutWatch.Server.Tests.Outreach.OutreachSeed;

namespace CheckoutWatch.Server.Tests.Outreach;

/// <summary>What the hub pushes about the queue, per role, and agents' escalations reaching on-call and the alert's timeline.</summary>
[Collection(ServerCollection.Name)]
public sealed class OutreachHubAndEscalationTests(ServerFixture server)
{
    [Fact]
    public async Task Item_pushes_carry_contact_data_to_agents_and_admins_only_and_saved_today_reaches_every_board()
    {
        var (_, id) = await RepeatedFailuresAsync(server);
        var pushed = Roles.All.ToDictionary(r => r, _ => new List<string>());
        var saved = Roles.All.ToDictionary(r => r, _ => 0);
        var hubs = new List<HubConnection>();
        try
        {
            foreach (var role in Roles.All)
            {
                var hub = await server.CreateHubAsync(role);
                hub.On<JsonElement>("OutreachChanged", items =>
                {
                    lock (pushed)
                    {
                        pushed[role].AddRange(items.EnumerateArray().Where(i => i.GetProperty("id").GetString() == id).Select(i => i.GetRawText()));
                    }
                });
                hub.On<JsonElement>("SavedTodayChanged", _ =>
                {
                    lock (pushed)
                    {
                        saved[role]++;
                    }
                });
                await hub.StartAsync();
                hubs.Add(hub);
            }

            using var agent = await server.CreateUserClientAsync(Roles.Agent);
            (await agent.PostAsync($"/api/v1/outreach/{id}/claim", null)).Dispose();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && Roles.All.Any(r => pushed[r].Count == 0 || saved[r] == 0))
            {
                await Task.Delay(20);
            }

            var snapshot = await hubs[Roles.All.ToList().IndexOf(Roles.Wall)].InvokeAsync<JsonElement>("GetOutreach");
            Assert.True(snapshot.GetProperty("saved").GetProperty("claimed").GetInt32() >= 1);
            Assert.DoesNotContain(Email, snapshot.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }

        foreach (var role in Roles.All)
        {
            var item = Assert.Single(pushed[role]);
            Assert.True(saved[role] > 0, $"{role} got no SavedTodayChanged.");
            Assert.Contains("\"claimed\"", item, StringComparison.Ordinal);
            if (role is Roles.Agent or Roles.Admin)
            {
                Assert.Contains(Email, item, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("m•••@•••.org", item, StringComparison.Ordinal);
                Assert.DoesNotContain("Schmidt", item, StringComparison.Ordinal);
                Assert.DoesNotContain("Maria", item, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_agents_escalation_reaches_oncall_and_the_alerts_timeline_and_oncall_notes_reach_agents()
    {
        var merchant = "esc-" + Guid.NewGuid().ToString("N")[..8];
        var alertId = await TestAlerts.OpenAsync(server, merchant);
        using var agent = await server.CreateUserClientAsync(Roles.Agent);
        using var oncall = await server.CreateUserClientAsync(Roles.Oncall);
        using var admin = await server.CreateUserClientAsync(Roles.Admin);

        using (var raised = await agent.PostAsJsonAsync("/api/v1/escalations", new { note = "Three customers say the 3-D Secure page is blank", alertId }))
        {
            Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
            var escalation = await raised.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((merchant, ServerFixture.UserName(Roles.Agent)), (escalation.GetProperty("merchantId").GetString(), escalation.GetProperty("raisedBy").GetString()));
        }

        var listed = await oncall.GetFromJsonAsync<JsonElement>("/api/v1/escalations");
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("alertId").GetString() == alertId);
        var timeline = await oncall.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alertId}/timeline");
        Assert.Contains(timeline.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "agent_escalation"
            && e.GetProperty("text").GetString() == "Three customers say the 3-D Secure page is blank");

        (await oncall.PostAsJsonAsync($"/api/v1/alerts/{alertId}/notes", new { text = "Acquirer confirms, fix in 10 min" })).Dispose();
        var seenByAgent = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alertId}/timeline");
        Assert.Contains(seenByAgent.GetProperty("entries").EnumerateArray(), e => e.GetProperty("text").GetString() == "Acquirer confirms, fix in 10 min");

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=outreach.escalate&actor={ServerFixture.UserName(Roles.Agent)}&limit=1000");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("detail").GetString() == $"alert {alertId}");

        await AssertProblemAsync(await agent.PostAsJsonAsync("/api/v1/escalations", new { note = " " }), HttpStatusCode.BadRequest, "'note'");
        await AssertProblemAsync(await agent.PostAsJsonAsync("/api/v1/escalations", new { note = "x", alertId = "al-none" }), HttpStatusCode.NotFound, "al-none");
        await AssertProblemAsync(await agent.PostAsJsonAsync("/api/v1/escalations", new { note = "x", outreachItemId = "or-none" }), HttpStatusCode.NotFound, "or-none");
    }
}
