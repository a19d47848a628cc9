using System.Text.Json;
using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAi.Client.Tests;

/// <summary>One call per task through the generated, DI-registered clients against the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class TaskTests(EmulatorFixture emulator) : IDisposable
{
    private readonly ServiceProvider _services = ClientFactory.Create(emulator);

    private T Client<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task When_a_prompt_is_sent_then_text_and_usage_come_back()
    {
        var answer = await Client<ITextGenerationClient>().Llama31x8bInstructFastAsync(new TextGenerationInput { Prompt = "Say hi", MaxTokens = 16 });

        Assert.True(answer.Success);
        Assert.False(string.IsNullOrWhiteSpace(answer.Result!.Response));
        // Cloudflare's published output schema of this model has no `usage`; the answer keeps it as an unnamed key.
        var usage = Assert.IsType<System.Text.Json.JsonElement>(answer.Result.AdditionalProperties["usage"]);
        Assert.True(usage.GetProperty("total_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task When_chat_messages_are_sent_then_the_reply_is_typed()
    {
        var input = new TextGenerationInput
        {
            Messages = [new TextGenerationInputMessagesItem { Role = "system", Content = "Be brief." }, new TextGenerationInputMessagesItem { Role = "user", Content = "Capital of France?" }],
        };

        var answer = await Client<ITextGenerationClient>().Llama31x8bInstructFastAsync(input);

        Assert.NotNull(answer.Result!.Response);
    }

    [Fact]
    public async Task When_a_batchable_model_is_called_without_queueing_then_the_normal_result_is_typed()
    {
        var answer = await Client<ITextGenerationClient>().Llama33x70bInstructFp8FastAsync(new TextGenerationJsonModeBatchableInput { Prompt = "One word." });

        Assert.NotNull(answer.Result!.Response);
    }

    [Fact]
    public async Task When_texts_are_embedded_then_one_vector_per_text_with_the_model_dimension()
    {
        var answer = await Client<ITextEmbeddingsClient>().BgeBaseEnV15Async(new TextEmbeddingsBatchableInput { Text = ["first", "second"] });

        Assert.Equal(2, answer.Result!.Data!.Count);
        Assert.All(answer.Result.Data, v => Assert.Equal(768, v.Count));
        Assert.Equal([2, 768], answer.Result.Shape!);
    }

    [Fact]
    public async Task When_an_embedding_model_without_batching_is_called_then_vectors_come_back()
    {
        var answer = await Client<ITextEmbeddingsClient>().Qwen3Embedding06bAsync(new Qwen3Embedding06bInput { Text = ["only one"] });

        Assert.Single(answer.Result!.Data!);
    }

    [Fact]
    public async Task When_text_is_classified_then_labels_with_scores_come_back()
    {
        var answer = await Client<ITextClassificationClient>().DistilbertSst2Int8Async(new TextClassificationInput { Text = "I love it" });

        Assert.NotEmpty(answer.Result!);
        Assert.All(answer.Result!, l => Assert.InRange(l.Score!.Value, 0, 1));
    }

    [Fact]
    public async Task When_contexts_are_reranked_then_each_gets_an_id_and_score()
    {
        var input = new RerankInput { Query = "fox", Contexts = [new RerankInputContextsItem { Text = "a fox" }, new RerankInputContextsItem { Text = "a dog" }] };

        var answer = await Client<ITextClassificationClient>().BgeRerankerBaseAsync(input);

        Assert.Equal(2, answer.Result!.Response!.Count);
    }

    [Fact]
    public async Task When_an_sdxl_image_is_generated_then_png_bytes_and_content_type_come_back()
    {
        var image = await Client<ITextToImageClient>().StableDiffusionXlBase10Async(new TextToImageInput { Prompt = "a cat" }).ReadImageAsync();

        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, image.Bytes[..4]);
    }

    [Fact]
    public async Task When_a_jpeg_model_is_called_then_jpeg_bytes_come_back()
    {
        var image = await Client<ITextToImageClient>().Phoenix10Async(new Phoenix10Input { Prompt = "a dog" }).ReadImageAsync();

        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, image.Bytes[..3]);
    }

    [Fact]
    public async Task When_flux_answers_base64_then_it_decodes_to_an_image()
    {
        var answer = await Client<ITextToImageClient>().Flux1SchnellAsync(new FluxInput { Prompt = "a lighthouse", Steps = 4 });

        var image = answer.Result!.DecodeImage();
        Assert.StartsWith("image/", image.ContentType, StringComparison.Ordinal);
        Assert.NotEmpty(image.Bytes);
    }

    [Fact]
    public async Task When_audio_bytes_are_transcribed_then_text_comes_back()
    {
        var answer = await Client<IAutomaticSpeechRecognitionClient>().WhisperAsync(new WhisperInput { Audio = [82, 73, 70, 70, 0, 0, 0, 0] });

        Assert.False(string.IsNullOrEmpty(answer.Result!.Text));
    }

    [Fact]
    public async Task When_base64_audio_is_sent_to_whisper_turbo_then_segments_come_back()
    {
        var answer = await Client<IAutomaticSpeechRecognitionClient>().WhisperLargeV3TurboAsync(new WhisperTurboInput { Audio = Convert.ToBase64String([1, 2, 3, 4]) });

        Assert.False(string.IsNullOrEmpty(answer.Result!.Text));
    }

    [Fact]
    public async Task When_text_is_spoken_then_base64_audio_comes_back()
    {
        var answer = await Client<ITextToSpeechClient>().MelottsAsync(new TextToSpeechInput { Prompt = "Hello" });

        Assert.NotEmpty(Convert.FromBase64String(answer.Result!.Audio!));
    }

    [Fact]
    public async Task When_text_is_translated_then_the_translation_comes_back()
    {
        var answer = await Client<ITranslationClient>().M2m100x12bAsync(new TranslationInput { Text = "Hello", TargetLang = "es" });

        Assert.False(string.IsNullOrEmpty(answer.Result!.TranslatedText));
    }

    [Fact]
    public async Task When_text_is_summarised_then_a_summary_comes_back()
    {
        // bart-large-cnn is the only summarization model; it is deprecated (2026-05-30) and marked [Obsolete].
#pragma warning disable CS0612
        var answer = await Client<ISummarizationClient>().BartLargeCnnAsync(new SummarizationInput { InputText = "A long text about the sea and the wind. It goes on." });
#pragma warning restore CS0612

        Assert.False(string.IsNullOrEmpty(answer.Result!.Summary));
    }

    [Fact]
    public async Task When_an_image_is_classified_then_labels_come_back()
    {
        var answer = await Client<IImageClassificationClient>().Resnet50Async(new ImageClassificationInput { Image = [.. new[] { 1, 2, 3 }] });

        Assert.NotEmpty(answer.Result!);
    }

    [Fact]
    public async Task When_objects_are_detected_then_boxes_come_back()
    {
        var answer = await Client<IObjectDetectionClient>().DetrResnet50Async(new ObjectDetectionInput { Image = [.. new[] { 1, 2, 3 }] });

        Assert.NotEmpty(answer.Result!);
        Assert.NotNull(answer.Result!.First().Box);
    }

    [Fact]
    public async Task When_an_image_is_described_then_a_description_comes_back()
    {
        var answer = await Client<IImageToTextClient>().Llava15x7bHfAsync(new ImageToTextInput { Image = new[] { 1, 2, 3 }, Prompt = "What is this?" });

        Assert.False(string.IsNullOrEmpty(answer.Result!.Description));
    }

    [Fact]
    public async Task When_models_are_searched_by_task_then_only_that_task_is_listed()
    {
        var answer = await Client<IModelsClient>().SearchModelsAsync(1, 50, null, "Text Embeddings", null, null, null, null, null);

        Assert.NotEmpty(answer.Result);
        Assert.All(answer.Result, m => Assert.Equal("Text Embeddings", m.Task!.Name));
    }

    [Fact]
    public async Task When_a_model_schema_is_requested_then_input_and_output_schemas_come_back()
    {
        var answer = await Client<IModelsClient>().GetModelSchemaAsync("@cf/baai/bge-base-en-v1.5");

        Assert.NotNull(answer.Result!.Input);
        Assert.NotNull(answer.Result.Output);
    }

    [Fact]
    public async Task When_tasks_and_authors_are_listed_then_both_are_non_empty()
    {
        var tasks = await Client<IModelsClient>().SearchTasksAsync();
        var authors = await Client<IModelsClient>().SearchAuthorsAsync();

        Assert.NotEmpty(tasks.Result);
        Assert.NotEmpty(authors.Result);
    }

    [Fact]
    public async Task When_the_openai_chat_endpoint_is_called_then_a_chat_completion_comes_back()
    {
        var request = new ChatCompletionRequest { Model = "@cf/meta/llama-3.1-8b-instruct-fast", Messages = [new ChatMessage { Role = "user", Content = "Hi" }] };

        var completion = await Client<IOpenAICompatibleClient>().CreateChatCompletionAsync(request);

        Assert.NotEmpty(completion.Choices);
        Assert.False(string.IsNullOrEmpty(completion.Choices.First().Message.Content));
    }

    [Fact]
    public async Task When_the_responses_endpoint_is_called_for_gpt_oss_then_output_text_comes_back()
    {
        var request = new ResponsesRequest { Model = ResponsesRequestModel.CfOpenaiGptOss120b, Input = "What is 2 + 2?" };

        var result = await Client<IOpenAICompatibleClient>().CreateResponseAsync(request);

        Assert.False(string.IsNullOrEmpty(result.OutputText));
    }

    [Fact]
    public async Task When_the_openai_embeddings_endpoint_is_called_then_an_embedding_list_comes_back()
    {
        var list = await Client<IOpenAICompatibleClient>().CreateEmbeddingsAsync(new EmbeddingsRequest { Model = "@cf/baai/bge-base-en-v1.5", Input = ["a", "b"] });

        Assert.Equal(2, list.Data.Count);
    }
    [Fact]
    public async Task When_a_batch_is_submitted_and_polled_then_the_responses_come_back_in_request_order()
    {
        var run = Client<IRunClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var queued = await run.SubmitBatchAsync("@cf/baai/bge-base-en-v1.5", [new { text = new[] { "first" } }, new { text = new[] { "second" }, external_reference = "r2" }], timeout.Token);
        var result = await run.WaitForBatchAsync("@cf/baai/bge-base-en-v1.5", queued.RequestId, TimeSpan.FromMilliseconds(200), timeout.Token);

        Assert.Equal([0, 1], result.Responses.Select(r => r.Id));
        Assert.Equal("r2", result.Responses[1].ExternalReference);
    }
}
