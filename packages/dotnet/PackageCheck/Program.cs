// A consumer of the PACKED EdgeAi.Client (installed from a local feed by check-package.sh), published trimmed.
// Calls the emulator through DI + configuration binding, the per-model method, streaming and the MEAI chat client.
// Exit code 0 only when every call answers.
using EdgeAi.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["EdgeAi:AccountId"] = "0123456789abcdef0123456789abcdef",
    ["EdgeAi:ApiToken"] = "package-check-token",
    ["EdgeAi:BaseUrl"] = args[0],
}).Build();
var services = new ServiceCollection();
services.AddEdgeAiClient(config.GetSection("EdgeAi"));
await using var sp = services.BuildServiceProvider();
sp.GetRequiredService<IStartupValidator>().Validate();

var chat = sp.GetRequiredService<ITextGenerationClient>();
var answer = await chat.Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "Hello", MaxTokens = 16 });
var streamed = 0;
await foreach (var delta in chat.StreamTextAsync("@cf/meta/llama-3.1-8b-instruct-fast", new TextGenerationInput { Prompt = "Count", MaxTokens = 8 }))
    streamed += delta.Length;
var meai = await sp.GetRequiredService<IChatClient>().GetResponseAsync("Hi");
var vectors = await sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["a"]);
try
{
    await sp.GetRequiredService<IRunClient>().RunModelAsync("@cf/nobody/no-such-model", new Dictionary<string, object> { ["prompt"] = "Hi" });
    Console.WriteLine("package-check: expected an error for an unknown model");
    return 1;
}
catch (EdgeAiException e) when (e.Code == 5007)
{
}

var ok = !string.IsNullOrEmpty(answer.Result?.Response) && streamed > 0 && meai.Text.Length > 0 && vectors[0].Vector.Length == 768;
Console.WriteLine($"package-check: chat {answer.Result?.Response?.Length} chars, streamed {streamed} chars, MEAI {meai.Text.Length} chars, embedding {vectors[0].Vector.Length} dims, 5007 typed: {(ok ? "ok" : "FAILED")}");
return ok ? 0 : 1;
