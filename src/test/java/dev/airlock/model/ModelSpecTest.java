package dev.airlock.model;

import static dev.airlock.model.AnthropicClientTest.catchModelException;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpecTest {

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "openai:gpt-4o | - | OPENAI | gpt-4o | https://api.openai.com/v1",
        "together:meta-llama/Llama-3.3-70B | - | TOGETHER | meta-llama/Llama-3.3-70B"
            + " | https://api.together.xyz/v1",
        "TOGETHER:m | - | TOGETHER | m | https://api.together.xyz/v1",
        "anthropic:claude-sonnet-4-5 | - | ANTHROPIC | claude-sonnet-4-5"
            + " | https://api.anthropic.com/v1",
        "openai-compatible:llama3:8b | http://localhost:11434/v1/ | OPENAI_COMPATIBLE | llama3:8b"
            + " | http://localhost:11434/v1",
        "llama3:8b | http://localhost:11434/v1 | OPENAI_COMPATIBLE | llama3:8b"
            + " | http://localhost:11434/v1",
        "Qwen/Qwen2.5-7B | http://gpu:8000/v1 | OPENAI_COMPATIBLE | Qwen/Qwen2.5-7B"
            + " | http://gpu:8000/v1",
        "openai:gpt-4o-mini | https://proxy.example/v1 | OPENAI | gpt-4o-mini"
            + " | https://proxy.example/v1",
        "scripted:demo/responses.json | - | SCRIPTED | demo/responses.json | -",
        "demo | - | DEMO | demo model (scripted) | -",
        " openai:gpt-4o | ' ' | OPENAI | gpt-4o | https://api.openai.com/v1",
      })
  void parsesValidSpecs(
      String spec, String baseUrl, Provider provider, String name, String endpoint)
      throws ModelException {
    ModelSpec parsed = ModelSpec.parse(spec, baseUrl);

    assertThat(parsed.provider()).isEqualTo(provider);
    assertThat(parsed.name()).isEqualTo(name);
    assertThat(parsed.endpoint()).isEqualTo(endpoint);
    assertThat(parsed.id())
        .isEqualTo(provider == Provider.DEMO ? name : provider.label() + ":" + name);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "- | - | true | No model was given",
        "gpt-4o | - | true | 'gpt-4o' names no provider",
        "opneai:gpt-4o | - | true | 'opneai:gpt-4o' names an unknown provider",
        "openai: | - | true | names no model after the provider",
        "openai-compatible:llama3 | - | false | needs the server's address: give its base URL",
        "scripted:a.json | http://localhost:1/v1 | false | takes no base URL",
        "demo | http://localhost:1/v1 | false | takes no base URL",
        "openai:gpt-4o | localhost:8000 | false | The base URL 'localhost:8000' is not usable",
        "openai:gpt-4o | ftp://host/v1 | false | The base URL 'ftp://host/v1' is not usable",
      })
  void rejectsBadSpecsSayingWhatIsWrong(
      String spec, String baseUrl, boolean listsProviders, String expected) {
    ModelException error = catchUnchecked(spec, baseUrl);

    assertThat(error.kind()).isEqualTo(ModelException.Kind.CONFIGURATION);
    assertThat(error.getMessage()).contains(expected);
    if (listsProviders) {
      assertThat(error.getMessage())
          .contains("openai, together, openai-compatible, anthropic, scripted");
    }
  }

  private static ModelException catchUnchecked(String spec, String baseUrl) {
    try {
      return catchModelException(() -> ModelSpec.parse(spec, baseUrl));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
