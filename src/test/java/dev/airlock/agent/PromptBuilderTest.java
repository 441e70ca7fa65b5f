package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.model.ChatMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptBuilderTest {
  private final Task task =
      new Task(
          new Prompts(null).load(Prompts.TASK),
          "s3://raw/dabstep/",
          "alice.airlock_1",
          null,
          List.of("payments", "fees"));

  @Test
  void openingIsSystemThenTaskWithVariablesFilled() {
    List<ChatMessage> messages = new PromptBuilder(new Prompts(null)).opening(task);
    assertThat(messages)
        .extracting(ChatMessage::role)
        .containsExactly(ChatMessage.Role.SYSTEM, ChatMessage.Role.USER);
    assertThat(messages.get(0).content())
        .contains("<reasoning>", "<code>", "<done>", "<observation>", "import bauplan")
        .contains("alice.airlock_1")
        .doesNotContain("{{");
    assertThat(messages.get(1).content())
        .contains("s3://raw/dabstep/", "alice.airlock_1", "`bauplan`", "the files: payments, fees")
        .doesNotContain("{{");
  }

  @Test
  void aUserFolderOverridesPackagedPrompts(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(Prompts.SYSTEM), "House rules for {{branch}}.");
    List<ChatMessage> messages = new PromptBuilder(new Prompts(dir)).opening(task);
    assertThat(messages.get(0).content())
        .startsWith("House rules for alice.airlock_1.")
        .contains("import bauplan");
    assertThat(new Prompts(dir).origin(Prompts.SYSTEM))
        .isEqualTo(dir.resolve(Prompts.SYSTEM).toString());
  }

  @Test
  void anUnknownVariableIsNamed() {
    Task bad = new Task("Load {{raw_uri}} into {{warehouse}}", "file:///x", "b", null, null);
    assertThatThrownBy(() -> new PromptBuilder(new Prompts(null)).opening(bad))
        .hasMessageContaining("{{warehouse}}")
        .hasMessageContaining("raw_uri");
  }
}
