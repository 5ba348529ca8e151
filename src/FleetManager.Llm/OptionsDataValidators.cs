using FleetManager.Llm.Gemini;
using FleetManager.Llm.OpenAi;
using Microsoft.Extensions.Options;

namespace FleetManager.Llm;

// DataAnnotations checked by source-generated validators (no reflection: Native AOT stays possible).

[OptionsValidator]
internal sealed partial class ReaderOptionsDataValidator : IValidateOptions<ReaderOptions>;

[OptionsValidator]
internal sealed partial class GeminiOptionsDataValidator : IValidateOptions<GeminiOptions>;

[OptionsValidator]
internal sealed partial class OpenAiOptionsDataValidator : IValidateOptions<OpenAiOptions>;
