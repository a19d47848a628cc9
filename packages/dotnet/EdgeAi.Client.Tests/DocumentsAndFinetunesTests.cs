using System.Text;
using EdgeAi.Client.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeAi.Client.Tests;

/// <summary>tomarkdown and finetunes (multipart uploads the NSwag export cannot describe) against the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class DocumentsAndFinetunesTests(EmulatorFixture emulator) : IDisposable
{
    private const string LoraModel = "@cf/mistral/mistral-7b-instruct-v0.2-lora";
    private readonly ServiceProvider _services = ClientFactory.Create(emulator);

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task When_supported_formats_are_listed_then_html_and_pdf_are_among_them()
    {
        var documents = _services.GetRequiredService<DocumentsClient>();

        var formats = await documents.ListMarkdownFormatsAsync();

        Assert.Contains(formats.Result, f => f.Extension == ".html" && f.MimeType == "text/html");
        Assert.Contains(formats.Result, f => f.Extension == ".pdf" && f.MimeType == "application/pdf");
    }

    [Fact]
    public async Task When_an_html_and_a_text_file_are_converted_then_two_documents_come_back_in_upload_order()
    {
        var documents = _services.GetRequiredService<DocumentsClient>();
        var options = new EdgeAiRequestOptions();

        var result = await documents.ToMarkdownAsync(
        [
            new MarkdownFile("page.html", Encoding.UTF8.GetBytes("<html><body><h1>Title</h1><p>Body text</p></body></html>"), "text/html"),
            new MarkdownFile("notes.txt", Encoding.UTF8.GetBytes("plain notes\n"), "text/plain"),
        ], options);

        Assert.Equal(2, result.Count);
        Assert.Equal("page.html", result[0].Name);
        Assert.Equal("markdown", result[0].Format);
        Assert.Equal("text/html", result[0].MimeType);
        Assert.Contains("# Title", result[0].Data, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", result[0].Data, StringComparison.Ordinal);
        Assert.Equal("notes.txt", result[1].Name);
        Assert.Equal("text/plain", result[1].MimeType);
        Assert.Equal("plain notes", result[1].Data);
        Assert.Equal(200, options.Response!.StatusCode);
    }

    [Fact]
    public async Task When_no_file_is_given_then_a_validation_error_is_thrown_before_sending()
    {
        var documents = _services.GetRequiredService<DocumentsClient>();

        var e = await Assert.ThrowsAsync<EdgeAiException>(() => documents.ToMarkdownAsync([]));

        Assert.Equal(EdgeAiErrorKind.Validation, e.Kind);
        Assert.Null(e.StatusCode);
    }

    [Fact]
    public async Task When_a_finetune_is_created_then_it_is_listed_and_accepts_an_asset_upload()
    {
        var finetunes = _services.GetRequiredService<FinetunesClient>();
        var name = $"adapter-{Guid.NewGuid():N}";

        var created = await finetunes.CreateFinetuneAsync(new FinetuneCreateRequest { Model = LoraModel, Name = name, Description = "test" });
        var listed = await finetunes.ListFinetunesAsync();
        using var config = new MemoryStream(Encoding.UTF8.GetBytes("{\"r\":8}"));
        var asset = await finetunes.UploadFinetuneAssetAsync(created.Result!.Id!, "adapter_config.json", config);
        var weights = await finetunes.UploadFinetuneAssetAsync(created.Result.Id!, "adapter_model.safetensors", new byte[] { 1, 2, 3 });

        Assert.Equal(name, created.Result.Name);
        Assert.Equal(LoraModel, created.Result.Model);
        Assert.Contains(listed.Result, f => f.Id == created.Result.Id && f.Name == name);
        Assert.Equal("adapter_config.json", asset.FileName);
        Assert.Equal(created.Result.Id, asset.FinetuneId);
        Assert.Equal("adapter_model.safetensors", weights.FileName);
        Assert.NotEqual(asset.Id, weights.Id);
    }

    [Fact]
    public async Task When_public_finetunes_are_listed_then_the_public_adapters_come_back()
    {
        var finetunes = _services.GetRequiredService<FinetunesClient>();

        var all = await finetunes.ListPublicFinetunesAsync();
        var page = await finetunes.ListPublicFinetunesAsync(limit: 1);

        Assert.NotEmpty(all.Result);
        Assert.All(all.Result, f => Assert.True(f.Public));
        Assert.Contains(all.Result, f => f.Name == "cf-public-magicoder");
        Assert.Single(page.Result);
    }

    [Fact]
    public async Task When_a_finetune_is_created_for_an_unknown_model_then_a_typed_not_found_error_carries_code_5007()
    {
        var finetunes = _services.GetRequiredService<FinetunesClient>();

        var e = await Assert.ThrowsAsync<EdgeAiApiException<ErrorEnvelope>>(() => finetunes.CreateFinetuneAsync(new FinetuneCreateRequest { Model = "@cf/acme/nothing", Name = "x" }));

        Assert.Equal(EdgeAiErrorKind.NotFound, e.Kind);
        Assert.Equal(5007, e.Code);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public async Task When_an_asset_is_uploaded_to_an_unknown_finetune_then_the_404_is_a_typed_error()
    {
        var finetunes = _services.GetRequiredService<FinetunesClient>();

        var e = await Assert.ThrowsAsync<EdgeAiApiException<ErrorEnvelope>>(() => finetunes.UploadFinetuneAssetAsync("no-such-finetune", "adapter_config.json", new byte[] { 1 }));

        Assert.Equal(EdgeAiErrorKind.NotFound, e.Kind);
        Assert.Equal(404, e.StatusCode);
        Assert.DoesNotContain(ClientFactory.Token, e.Message, StringComparison.Ordinal);
    }
}
