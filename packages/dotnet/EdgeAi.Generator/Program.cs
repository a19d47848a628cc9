// Generates packages/dotnet/EdgeAi.Client/Generated/EdgeAiClient.g.cs with NSwag as a library (decision 0261):
// the settings of packages/dotnet/nswag.json plus what the command line cannot do: PascalCase property names
// (the wire name stays in [JsonPropertyName]) and header parameters left to the per-call EdgeAiRequestOptions.
// Usage: dotnet run --project packages/dotnet/EdgeAi.Generator -- <nswag.json> <native document> <output .cs>
using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.CodeGeneration;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: EdgeAi.Generator <nswag.json> <document.json> <output.cs>");
    return 2;
}
var config = JsonNode.Parse(File.ReadAllText(args[0]))!["codeGenerators"]!["openApiToCSharpClient"]!;
string S(string key) => config[key]!.GetValue<string>();
bool B(string key) => config[key]!.GetValue<bool>();

var document = await OpenApiDocument.FromFileAsync(args[1]);
var headerParameters = document.Operations
    .SelectMany(o => o.Operation.ActualParameters)
    .Where(p => p.Kind == OpenApiParameterKind.Header)
    .Select(p => p.Name)
    .Distinct()
    .Order(StringComparer.Ordinal)
    .ToArray();

var settings = new CSharpClientGeneratorSettings
{
    ClassName = S("className"),
    OperationNameGenerator = new MultipleClientsFromOperationIdOperationNameGenerator(),
    GenerateClientClasses = true,
    GenerateClientInterfaces = B("generateClientInterfaces"),
    InjectHttpClient = B("injectHttpClient"),
    DisposeHttpClient = B("disposeHttpClient"),
    GenerateExceptionClasses = B("generateExceptionClasses"),
    ExceptionClass = S("exceptionClass"),
    WrapDtoExceptions = B("wrapDtoExceptions"),
    UseBaseUrl = B("useBaseUrl"),
    GenerateBaseUrlProperty = B("generateBaseUrlProperty"),
    GenerateSyncMethods = false,
    GenerateOptionalParameters = B("generateOptionalParameters"),
    GenerateUpdateJsonSerializerSettingsMethod = B("generateUpdateJsonSerializerSettingsMethod"),
    ClientClassAccessModifier = S("clientClassAccessModifier"),
    ParameterArrayType = S("parameterArrayType"),
    ParameterDictionaryType = S("parameterDictionaryType"),
    ResponseArrayType = S("responseArrayType"),
    ResponseDictionaryType = S("responseDictionaryType"),
    GenerateResponseClasses = B("generateResponseClasses"),
    ResponseClass = S("responseClass"),
    QueryNullValue = S("queryNullValue"),
    ParameterDateTimeFormat = S("parameterDateTimeFormat"),
    ParameterDateFormat = S("parameterDateFormat"),
    // Headers (x-session-affinity, …) travel in EdgeAiRequestOptions, so every method ends (body, …, ct = default).
    ExcludedParameterNames = headerParameters,
};
var cs = settings.CSharpGeneratorSettings;
cs.Namespace = S("namespace");
cs.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
cs.JsonLibraryVersion = config["jsonLibraryVersion"]!.GetValue<decimal>();
cs.GenerateNullableReferenceTypes = B("generateNullableReferenceTypes");
cs.GenerateOptionalPropertiesAsNullable = B("generateOptionalPropertiesAsNullable");
cs.GenerateDataAnnotations = B("generateDataAnnotations");
cs.GenerateDefaultValues = B("generateDefaultValues");
cs.RequiredPropertiesMustBeDefined = B("requiredPropertiesMustBeDefined");
cs.ClassStyle = CSharpClassStyle.Poco;
cs.TypeAccessModifier = S("typeAccessModifier");
cs.DateType = S("dateType");
cs.DateTimeType = S("dateTimeType");
cs.TimeType = S("timeType");
cs.TimeSpanType = S("timeSpanType");
cs.ArrayType = S("arrayType");
cs.ArrayInstanceType = S("arrayInstanceType");
cs.ArrayBaseType = S("arrayBaseType");
cs.DictionaryType = S("dictionaryType");
cs.DictionaryInstanceType = S("dictionaryInstanceType");
cs.DictionaryBaseType = S("dictionaryBaseType");
cs.AnyType = S("anyType");
cs.InlineNamedAny = B("inlineNamedAny");
cs.PropertyNameGenerator = new PascalCasePropertyNameGenerator();
settings.ParameterNameGenerator = new CamelCaseParameterNameGenerator();

var code = new CSharpClientGenerator(document, settings).GenerateFile();
File.WriteAllText(args[2], code.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
Console.WriteLine($"EdgeAi.Generator: wrote {args[2]} ({headerParameters.Length} header parameter(s) left to EdgeAiRequestOptions)");
return 0;

/// <summary>
/// `max_tokens` → `MaxTokens`, `tool_call_id` → `ToolCallId`, `x-session-affinity` → `XSessionAffinity`; the wire name
/// stays in the generated [JsonPropertyName]. A leading digit gets an `N` prefix (C# identifiers cannot start with one).
/// </summary>
internal sealed class PascalCasePropertyNameGenerator : IPropertyNameGenerator
{
    public string Generate(JsonSchemaProperty property) => Pascal(property.Name);

    internal static string Pascal(string wireName)
    {
        var words = wireName.Split(['_', '-', '.', ' ', '$', '@', ':', '/'], StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        if (name.Length == 0) return "Value";
        return char.IsDigit(name[0]) ? "N" + name : name;
    }
}

/// <summary>`per_page` → `perPage`, `model_name` → `modelName`: C# parameter names, the wire name stays in the URL.</summary>
internal sealed class CamelCaseParameterNameGenerator : IParameterNameGenerator
{
    public string Generate(OpenApiParameter parameter, IEnumerable<OpenApiParameter> allParameters)
    {
        var pascal = PascalCasePropertyNameGenerator.Pascal(parameter.Name);
        var name = char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return name is "cancellationToken" or "client" ? name + "Value" : name;
    }
}
