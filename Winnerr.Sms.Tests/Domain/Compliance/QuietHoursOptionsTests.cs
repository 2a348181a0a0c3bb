using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Winnerr.Sms.Core.Compliance;

namespace Winnerr.Sms.Tests.Domain.Compliance;

public class QuietHoursOptionsTests
{
    private static QuietHoursOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.Configure<QuietHoursOptions>(configuration.GetSection(QuietHoursOptions.Section));
        return services.BuildServiceProvider().GetRequiredService<IOptions<QuietHoursOptions>>().Value;
    }

    [Fact]
    public void WhenSectionIsAbsent_ThenTheDefaultTableApplies()
    {
        var options = Bind([]);

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(21, 0)), (options.Federal.Start, options.Federal.End));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(20, 0)), (options.UnknownStateWindow.Start, options.UnknownStateWindow.End));
        Assert.Equal(["AL", "CT", "FL", "LA", "MD", "MS", "NJ", "OK", "RI", "TX", "WA"], options.EffectiveStates().Select(s => s.State).Order());
    }

    [Fact]
    public void WhenConfigOverridesAState_ThenOnlyThatStateChanges()
    {
        var options = Bind(new()
        {
            ["Compliance:QuietHours:States:0:State"] = "FL",
            ["Compliance:QuietHours:States:0:Start"] = "09:30",
            ["Compliance:QuietHours:States:0:End"] = "19:00",
        });
        var quietHours = new QuietHours(options);

        var states = options.EffectiveStates();
        Assert.Equal(11, states.Count);
        Assert.Equal(new TimeOnly(9, 30), states.Single(s => s.State == "FL").Start);
        Assert.Equal(DayOfWeek.Sunday, Assert.Single(states.Single(s => s.State == "TX").Days).Day);
        Assert.Equal(DateTimeOffset.Parse("2026-06-10T09:30-04:00"),
            quietHours.NextAllowed(DateTimeOffset.Parse("2026-06-10T08:30-04:00"), RecipientLocale.Resolve("+13055550123", null)));
        Assert.Equal(DateTimeOffset.Parse("2026-06-14T12:00-05:00"),
            quietHours.NextAllowed(DateTimeOffset.Parse("2026-06-14T10:00-05:00"), RecipientLocale.Resolve("+12145550123", null)));
    }

    [Fact]
    public void WhenConfigAddsAStateWithAClosedDay_ThenItApplies()
    {
        var options = Bind(new()
        {
            ["Compliance:QuietHours:States:0:State"] = "NY",
            ["Compliance:QuietHours:States:0:Start"] = "09:00",
            ["Compliance:QuietHours:States:0:End"] = "20:00",
            ["Compliance:QuietHours:States:0:Days:0:Day"] = "Sunday",
            ["Compliance:QuietHours:States:0:Days:0:Closed"] = "true",
        });

        var next = new QuietHours(options).NextAllowed(DateTimeOffset.Parse("2026-06-14T10:00-04:00"), RecipientLocale.Resolve("+12125550123", null));

        Assert.Equal(DateTimeOffset.Parse("2026-06-15T09:00-04:00"), next);
    }

    [Fact]
    public void WhenConfigNarrowsTheFederalWindow_ThenEveryStateFollows()
    {
        var options = Bind(new() { ["Compliance:QuietHours:Federal:End"] = "20:00" });

        var next = new QuietHours(options).NextAllowed(DateTimeOffset.Parse("2026-06-10T20:30-04:00"), RecipientLocale.Resolve("+12015550123", null));

        Assert.Equal(new TimeOnly(8, 0), options.Federal.Start);
        Assert.Equal(DateTimeOffset.Parse("2026-06-11T08:00-04:00"), next);
    }
}
