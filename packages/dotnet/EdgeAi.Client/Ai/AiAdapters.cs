using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeAi.Client
{
    using EdgeAi.Client.Ai;

    /// <summary>Registers the Microsoft.Extensions.AI adapters next to the generated clients.</summary>
    internal static class AiAdapters
    {
        internal static void Register(IServiceCollection services, string? name)
        {
            var optionsName = name ?? Options.DefaultName;
            EdgeAiClientOptions O(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<EdgeAiClientOptions>>().Get(optionsName);
            if (name is null)
            {
                services.TryAddTransient<IChatClient>(sp => new EdgeAiChatClient(sp.GetRequiredService<IOpenAICompatibleClient>(), O(sp).ChatModel));
                services.TryAddTransient<IEmbeddingGenerator<string, Embedding<float>>>(sp => new EdgeAiEmbeddingGenerator(sp.GetRequiredService<IOpenAICompatibleClient>(), O(sp).EmbeddingModel));
            }
            else
            {
                services.TryAddKeyedTransient<IChatClient>(name, (sp, _) => new EdgeAiChatClient(sp.GetRequiredKeyedService<IOpenAICompatibleClient>(name), O(sp).ChatModel));
                services.TryAddKeyedTransient<IEmbeddingGenerator<string, Embedding<float>>>(name, (sp, _) => new EdgeAiEmbeddingGenerator(sp.GetRequiredKeyedService<IOpenAICompatibleClient>(name), O(sp).EmbeddingModel));
            }
        }
    }
}
