package dev.airlock.model;

import static dev.airlock.model.AnthropicClientTest.catchModelException;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptedModelTest {
  private static final List<ChatMessage> ASK = List.of(ChatMessage.user("go"));

  @TempDir Path dir;

  @Test
  void servesTheResponsesInOrderStreamingThemInWords() throws Exception {
    ScriptedModel model =
        new ScriptedModel(script("[\"<code>print(1)</code> first\", \"<done>all\\nset</done>\"]"));
    List<String> tokens = new ArrayList<>();

    ModelResponse first = model.complete(ASK, tokens::add);
    ModelResponse second = model.complete(ASK, TokenListener.NONE);

    assertThat(first.text()).isEqualTo("<code>print(1)</code> first");
    assertThat(tokens).containsExactly("<code>print(1)</code> ", "first");
    assertThat(second.text()).isEqualTo("<done>all\nset</done>");
    assertThat(model.served()).isEqualTo(2);
    assertThat(model.size()).isEqualTo(2);
    assertThat(first.usage()).isEqualTo(Usage.NONE);
    assertThat(first.costUsd()).isNull();
  }

  @Test
  void askingPastTheEndIsExhaustedNamingTheFileAndTheTurn() throws Exception {
    Path file = script("[\"one\", \"two\"]");
    ScriptedModel model = new ScriptedModel(file);
    model.complete(ASK, TokenListener.NONE);
    model.complete(ASK, TokenListener.NONE);

    ModelException error = catchModelException(() -> model.complete(ASK, TokenListener.NONE));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.EXHAUSTED);
    assertThat(error.getMessage())
        .contains(file.toString(), "has 2 responses and turn 3 asked for another");
    assertThat(model.served()).isEqualTo(2);
  }

  @Test
  void invalidJsonIsAConfigurationErrorNamingTheFileAndThePlace() throws Exception {
    Path file = script("[\"one\",\n  \"two\" oops]");

    ModelException error = catchModelException(() -> new ScriptedModel(file));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.CONFIGURATION);
    assertThat(error.getMessage()).contains(file.toString(), "not valid JSON", "line 2");
  }

  @Test
  void anArrayWithANonStringIsRejectedNamingTheElement() throws Exception {
    ModelException error = catchModelException(() -> new ScriptedModel(script("[\"ok\", 42]")));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.CONFIGURATION);
    assertThat(error.getMessage()).contains("element 2 is number");
  }

  @Test
  void anObjectInsteadOfAnArrayIsRejected() throws Exception {
    ModelException error = catchModelException(() -> new ScriptedModel(script("{\"a\": 1}")));

    assertThat(error.getMessage()).contains("holds object, not a JSON array of strings");
  }

  @Test
  void anEmptyArrayIsAConfigurationErrorNotARunThatFailsAtTurnOne() throws Exception {
    Path file = script("[ ]");

    ModelException error = catchModelException(() -> new ScriptedModel(file));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.CONFIGURATION);
    assertThat(error.getMessage())
        .contains(file.toString(), "the array is empty", "JSON array of strings");
  }

  @Test
  void aMissingFileIsAConfigurationErrorNamingIt() throws Exception {
    Path missing = dir.resolve("nope.json");

    ModelException error = catchModelException(() -> new ScriptedModel(missing));

    assertThat(error.kind()).isEqualTo(ModelException.Kind.CONFIGURATION);
    assertThat(error.getMessage()).contains(missing.toString(), "does not exist");
  }

  @Test
  void theFactoryCreatesItFromTheSpecWithoutAnyKey() throws Exception {
    Path file = script("[\"hello there\"]");

    ModelClient client =
        new ChatModels(OpenAiClientTest.secrets(Map.of()))
            .create(ModelSpec.parse("scripted:" + file));

    assertThat(client).isInstanceOf(ScriptedModel.class);
    assertThat(client.id()).isEqualTo("scripted:" + file);
    assertThat(client.complete(ASK, TokenListener.NONE).text()).isEqualTo("hello there");
  }

  @Test
  void theTasksVariablesAreFilledInAndOtherBracesAreLeftAsPythonWroteThem() throws Exception {
    ScriptedModel model =
        new ScriptedModel(
            "demo",
            List.of(
                "<code>branch = \"{{branch}}\"\nprint(f\"{{not_a_variable}}\")</code>",
                "<done>merged {{ branch }}</done>"));

    ScriptedModel run = model.withVariables(Map.of("branch", "alice.airlock_1"));

    assertThat(run.complete(ASK, TokenListener.NONE).text())
        .isEqualTo("<code>branch = \"alice.airlock_1\"\nprint(f\"{{not_a_variable}}\")</code>");
    assertThat(run.complete(ASK, TokenListener.NONE).text())
        .isEqualTo("<done>merged alice.airlock_1</done>");
    assertThat(run.id()).isEqualTo(model.id());
    assertThat(model.complete(ASK, TokenListener.NONE).text()).contains("\"{{branch}}\"");
  }

  private Path script(String json) throws Exception {
    Path file = dir.resolve("script.json");
    Files.writeString(file, json);
    return file;
  }
}
