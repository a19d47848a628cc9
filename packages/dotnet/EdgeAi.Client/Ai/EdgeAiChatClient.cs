using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using WireMessage = EdgeAi.Client.ChatMessage;

namespace EdgeAi.Client.Ai;

/// <summary>
/// Microsoft.Extensions.AI <see cref="IChatClient"/> over Workers AI's OpenAI-compatible <c>/ai/v1/chat/completions</c>:
/// text, streaming, tools (function calls come back as <see cref="FunctionCallContent"/>), JSON and JSON-schema
/// response formats, usage. Registered by <c>AddEdgeAiClient</c>, so Semantic Kernel and MEAI pipelines plug in.
/// </summary>
public sealed class EdgeAiChatClient : IChatClient
{
    private readonly IOpenAICompatibleClient _client;
    private readonly string _defaultModelId;

    /// <summary>Creates the adapter; <paramref name="defaultModelId"/> is used when <see cref="ChatOptions.ModelId"/> is unset.</summary>
    /// <param name="client">The generated OpenAI-compatible client.</param>
    /// <param name="defaultModelId">A catalog id such as <c>@cf/meta/llama-3.1-8b-instruct-fast</c>.</param>
    public EdgeAiChatClient(IOpenAICompatibleClient client, string defaultModelId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultModelId);
        _client = client;
        _defaultModelId = defaultModelId;
        Metadata = new ChatClientMetadata("cloudflare-workers-ai", null, defaultModelId);
    }

    /// <summary>Provider name <c>cloudflare-workers-ai</c> and the default model.</summary>
    public ChatClientMetadata Metadata { get; }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ToRequest(messages, options, stream: false);
        var completion = await _client.CreateChatCompletionAsync(request, cancellationToken).ConfigureAwait(false);
        var choice = completion.Choices.Count > 0 ? completion.Choices[0] : null;
        var message = new AiChatMessage(ChatRole.Assistant, []) { MessageId = completion.Id };
        if (!string.IsNullOrEmpty(choice?.Message.ReasoningContent))
            message.Contents.Add(new TextReasoningContent(choice.Message.ReasoningContent));
        if (!string.IsNullOrEmpty(choice?.Message.Content))
            message.Contents.Add(new TextContent(choice.Message.Content));
        foreach (var call in choice?.Message.ToolCalls ?? [])
            message.Contents.Add(new FunctionCallContent(call.Id ?? "", call.Function.Name, ParseArguments(call.Function.Arguments)));
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model ?? request.Model,
            FinishReason = ToFinishReason(choice?.FinishReason),
            Usage = ToUsage(completion.Usage),
            CreatedAt = completion.Created is int s ? DateTimeOffset.FromUnixTimeSeconds(s) : null,
            RawRepresentation = completion,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ToRequest(messages, options, stream: true);
        // Tool-call arguments arrive in pieces; they are handed over whole when the stream ends.
        var calls = new SortedDictionary<int, (string Id, string Name, StringBuilder Args)>();
        await foreach (var chunk in _client.StreamChatCompletionAsync(request, cancellationToken).ConfigureAwait(false))
        {
            var update = new ChatResponseUpdate(ChatRole.Assistant, (string?)null)
            {
                ResponseId = chunk.Id,
                MessageId = chunk.Id,
                ModelId = chunk.Model ?? request.Model,
                RawRepresentation = chunk,
            };
            var choice = chunk.Choices.Count > 0 ? chunk.Choices[0] : null;
            if (!string.IsNullOrEmpty(choice?.Delta?.ReasoningContent))
                update.Contents.Add(new TextReasoningContent(choice.Delta.ReasoningContent));
            if (!string.IsNullOrEmpty(choice?.Delta?.Content))
                update.Contents.Add(new TextContent(choice.Delta.Content));
            foreach (var delta in choice?.Delta?.ToolCalls ?? [])
            {
                var index = delta.Index ?? calls.Count;
                (string Id, string Name, StringBuilder Args) entry = calls.TryGetValue(index, out var e) ? e : (delta.Id ?? $"call_{index}", delta.Function?.Name ?? "", new StringBuilder());
                if (delta.Function?.Name is { Length: > 0 } name) entry.Name = name;
                entry.Args.Append(delta.Function?.Arguments);
                calls[index] = entry;
            }
            if (choice?.FinishReason is { } finish)
                update.FinishReason = ToFinishReason(finish);
            if (chunk.Usage is { } usage)
                update.Contents.Add(new UsageContent(ToUsage(usage)!));
            if (update.Contents.Count > 0 || update.FinishReason is not null)
                yield return update;
        }
        if (calls.Count > 0)
        {
            var final = new ChatResponseUpdate(ChatRole.Assistant, [.. calls.Values.Select(c => (AIContent)new FunctionCallContent(c.Id, c.Name, ParseArguments(c.Args.ToString())))])
            {
                FinishReason = ChatFinishReason.ToolCalls,
            };
            yield return final;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return Metadata;
        if (serviceType.IsInstanceOfType(this)) return this;
        if (serviceType.IsInstanceOfType(_client)) return _client;
        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The generated client's HttpClient belongs to HttpClientFactory.
    }

    private ChatCompletionRequest ToRequest(IEnumerable<AiChatMessage> messages, ChatOptions? options, bool stream)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = new ChatCompletionRequest
        {
            Model = options?.ModelId ?? _defaultModelId,
            Messages = [.. messages.SelectMany(ToWire)],
            MaxTokens = options?.MaxOutputTokens,
            Temperature = options?.Temperature,
            TopP = options?.TopP,
            Seed = options?.Seed,
            FrequencyPenalty = options?.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty,
            StreamOptions = stream ? new ChatCompletionRequestStreamOptions { IncludeUsage = true } : null,
        };
        if (options?.Tools is { Count: > 0 } tools)
        {
            request.Tools = [.. tools.OfType<AIFunctionDeclaration>().Select(ToTool)];
            request.ToolChoice = options.ToolMode switch
            {
                NoneChatToolMode => "none",
                RequiredChatToolMode { RequiredFunctionName: { } fn } => new Dictionary<string, object> { ["type"] = "function", ["function"] = new Dictionary<string, object> { ["name"] = fn } },
                RequiredChatToolMode => "required",
                _ => null,
            };
        }
        switch (options?.ResponseFormat)
        {
            case ChatResponseFormatJson { Schema: { } schema } json:
                request.ResponseFormat = new ChatCompletionRequestResponseFormat
                {
                    Type = ChatCompletionRequestResponseFormatType.JsonSchema,
                    JsonSchema = new ChatCompletionRequestResponseFormatJsonSchema
                    {
                        Name = json.SchemaName ?? "response",
                        Description = json.SchemaDescription,
                        Strict = true,
                        // Each value stays a JsonElement, which the source-generated context writes as it came.
                        Schema = schema.ValueKind == JsonValueKind.Object
                            ? schema.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.Clone())
                            : null,
                    },
                };
                break;
            case ChatResponseFormatJson:
                request.ResponseFormat = new ChatCompletionRequestResponseFormat { Type = ChatCompletionRequestResponseFormatType.JsonObject };
                break;
        }
        return request;
    }

    private static IEnumerable<WireMessage> ToWire(AiChatMessage message)
    {
        var role = message.Role.Value;
        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        if (calls.Count > 0 || text.Length > 0 || message.Contents.Count == 0)
        {
            yield return new WireMessage
            {
                Role = role,
                Content = text,
                Name = message.AuthorName,
                ToolCalls = calls.Count == 0 ? null : [.. calls.Select(c => new ToolCall
                {
                    Id = c.CallId,
                    Type = ToolCallType.Function,
                    Function = new ToolCallFunction { Name = c.Name, Arguments = JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))) },
                })],
            };
        }
        foreach (var result in message.Contents.OfType<FunctionResultContent>())
        {
            yield return new WireMessage
            {
                Role = "tool",
                ToolCallId = result.CallId,
                Content = result.Result is string s ? s : JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object))),
            };
        }
    }

    private static Tool ToTool(AIFunctionDeclaration function)
    {
        var schema = function.JsonSchema;
        var parameters = new ToolParameters { Type = "object" };
        if (schema.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
                parameters.Properties = props.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => (IDictionary<string, object>)p.Value.EnumerateObject().ToDictionary(x => x.Name, x => (object)x.Value.Clone()));
            if (schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array)
                parameters.Required = [.. req.EnumerateArray().Select(r => r.GetString() ?? "")];
        }
        return new Tool
        {
            Type = ToolType.Function,
            Function = new ToolFunction { Name = function.Name, Description = function.Description, Parameters = parameters },
        };
    }

    private static Dictionary<string, object?>? ParseArguments(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<string, object?>();
        try
        {
            return (Dictionary<string, object?>?)JsonSerializer.Deserialize(json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Dictionary<string, object?>)));
        }
        catch (JsonException)
        {
            return new Dictionary<string, object?> { ["_raw"] = json };
        }
    }

    private static ChatFinishReason? ToFinishReason(string? reason) => reason switch
    {
        null => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    private static UsageDetails? ToUsage(Usage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.PromptTokens,
        OutputTokenCount = usage.CompletionTokens,
        TotalTokenCount = usage.TotalTokens,
    };
}
