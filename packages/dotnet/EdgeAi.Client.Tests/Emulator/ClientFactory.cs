using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeAi.Client.Tests.Emulator;

/// <summary>Builds the DI container the way an application would, pointed at the emulator.</summary>
public static class ClientFactory
{
    public const string Token = "test-token-5f1c9a7e-secret";
    public const string Account = "023e105f4ecef8ad9ca31a8372d0c353";

    public static ServiceProvider Create(EmulatorFixture emulator, Action<EdgeAiClientOptions>? tweak = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
                b.AddProvider(logs);
        });
        services.AddEdgeAiClient(o =>
            {
                o.AccountId = Account;
                o.ApiToken = Token;
                o.BaseUrl = emulator.BaseUrl;
                // Short backoff keeps retry tests quick; the policy's shape is what they check.
                o.InitialRetryDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
                tweak?.Invoke(o);
            })
            .AddHttpMessageHandler(() => new Faults.Handler());
        return services.BuildServiceProvider();
    }
}
