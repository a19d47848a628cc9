using System.Text;
using EdgeAi.Client;

namespace EdgeAi.Client.Tests;

/// <summary>The compiled contract check (decision 0320): same verdicts and messages as walking the contract JSON.</summary>
public sealed class RequestValidatorTests
{
    private const string ChatPath = "ai/run/@cf/meta/llama-3.1-8b-instruct-fast";

    private static EdgeAiException? Check(string path, string json)
    {
        try
        {
            RequestValidator.Validate(HttpMethod.Post, path, Encoding.UTF8.GetBytes(json));
            return null;
        }
        catch (EdgeAiException e)
        {
            return e;
        }
    }

    [Theory]
    [InlineData("{\"prompt\":\"Hello\"}")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"temperature\":0.5}")]
    [InlineData("{\"prompt\":\"Hello\",\"top_k\":50,\"seed\":42}")]
    public void When_a_body_matches_one_member_of_the_union_then_it_passes(string json) => Assert.Null(Check(ChatPath, json));

    [Theory]
    [InlineData("{\"prompt\":\"x\",\"temperature\":9}", "temperature: above the maximum 5")]
    [InlineData("{\"prompt\":\"\"}", "prompt: shorter than 1 characters")]
    [InlineData("{\"prompt\":5}", "prompt: expected string, got number")]
    [InlineData("{\"prompt\":\"x\",\"top_k\":0}", "top_k: below the minimum 1")]
    [InlineData("{\"prompt\":\"x\",\"top_k\":1.5}", "top_k: expected integer, got number")]
    [InlineData("{\"messages\":[{\"role\":\"user\"}]}", "prompt: required")]
    public void When_a_body_breaks_the_schema_then_the_message_names_the_closest_member_and_field(string json, string error)
    {
        var e = Check(ChatPath, json);

        Assert.NotNull(e);
        Assert.Equal(EdgeAiErrorKind.Validation, e.Kind);
        Assert.Equal($"Bad input (not sent): TextGenerationInput: {error}", e.Message);
    }

    [Fact]
    public void When_the_same_schema_is_checked_many_times_then_every_verdict_is_the_same()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(Check(ChatPath, $"{{\"prompt\":\"Hello {i}\"}}"));
            Assert.NotNull(Check(ChatPath, $"{{\"prompt\":\"Hello {i}\",\"temperature\":{10 + i}}}"));
        }
    }

    [Fact]
    public void When_a_path_has_no_body_schema_then_any_json_passes() => Assert.Null(Check("ai/run/not-a-catalogued-model", "{\"anything\":[1,2,3]}"));
}
