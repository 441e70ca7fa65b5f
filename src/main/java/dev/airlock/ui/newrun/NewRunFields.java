package dev.airlock.ui.newrun;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.ui.settings.FormGrid;
import dev.airlock.ui.settings.NewRunChoices.TaskKind;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** New run's controls, and the {@link NewRunForm} they hold. */
final class NewRunFields {
  /** Models offered in the model field's list; any other can be typed. */
  static final List<String> MODELS =
      List.of(
          "demo",
          "together:meta-llama/Llama-3.3-70B-Instruct-Turbo",
          "openai:gpt-4o",
          "anthropic:claude-sonnet-4-5",
          "openai-compatible:NAME",
          "scripted:FILE");

  final RadioButton packaged = new RadioButton("Packaged Write-Audit-Publish");
  final RadioButton file = new RadioButton("Markdown file");
  final RadioButton text = new RadioButton("Free text");
  final ToggleGroup taskKind = group(packaged, file, text);
  final TextField taskFile =
      field("a Markdown file; it may use {{raw_uri}}, {{branch}}, {{tables}}");
  final TextArea taskText = new TextArea();
  final TextField raw =
      field("empty: the generated demo data; or a folder, a file, s3://bucket/raw/*.parquet");
  final ComboBox<String> model = new ComboBox<>();
  final TextField baseUrl =
      field("only for openai-compatible servers, e.g. http://localhost:11434/v1");
  final TextField price = field("IN/OUT US dollars per million tokens, e.g. 0.88/0.88");
  final ComboBox<ApprovalPolicy> approval = new ComboBox<>();
  final ComboBox<MergePolicy> merge = new ComboBox<>();
  final TextField maxTurns = field("");
  final TextField execTimeout = field("");
  final TextField budgetTokens = field("");
  final TextField budgetUsd = field("");
  final TextField budgetMinutes = field("");

  NewRunFields() {
    packaged.setUserData(TaskKind.PACKAGED);
    file.setUserData(TaskKind.FILE);
    text.setUserData(TaskKind.TEXT);
    packaged.setId("task-packaged");
    file.setId("task-file");
    text.setId("task-text");
    taskFile.setId("task-path");
    taskText.setId("task-free-text");
    taskText.setPromptText(
        "What the run should do, in Markdown; {{raw_uri}} and {{branch}} are filled in.");
    size(taskText);
    raw.setId("raw");
    model.setId("model");
    model.setEditable(true);
    model.getItems().setAll(MODELS);
    model.setMaxWidth(Double.MAX_VALUE);
    baseUrl.setId("base-url");
    price.setId("price");
    approval.setId("approval");
    merge.setId("merge");
    policies(approval, merge);
    FormGrid.words(approval, ApprovalPolicy::word);
    FormGrid.words(merge, MergePolicy::word);
    maxTurns.setId("max-turns");
    execTimeout.setId("exec-timeout");
    budgetTokens.setId("budget-tokens");
    budgetUsd.setId("budget-usd");
    budgetMinutes.setId("budget-minutes");
    for (TextField t : List.of(budgetTokens, budgetUsd, budgetMinutes)) {
      t.setPrefColumnCount(7);
    }
  }

  private static TextField field(String prompt) {
    TextField t = new TextField();
    t.setPromptText(prompt);
    return t;
  }

  void fill(NewRunForm form) {
    taskKind.getToggles().stream()
        .filter(t -> t.getUserData() == form.task())
        .findFirst()
        .ifPresent(t -> t.setSelected(true));
    taskFile.setText(form.taskFile());
    taskText.setText(form.taskText());
    raw.setText(form.raw());
    model.getEditor().setText(form.model());
    model.setValue(form.model());
    baseUrl.setText(form.baseUrl());
    price.setText(form.price());
    approval.setValue(form.approval());
    merge.setValue(form.merge());
    maxTurns.setText(form.maxTurns());
    execTimeout.setText(form.execTimeout());
    budgetTokens.setText(form.budgetTokens());
    budgetUsd.setText(form.budgetUsd());
    budgetMinutes.setText(form.budgetMinutes());
  }

  NewRunForm form() {
    return new NewRunForm(
        (TaskKind) taskKind.getSelectedToggle().getUserData(),
        taskFile.getText(),
        taskText.getText(),
        raw.getText(),
        model.getEditor().getText(),
        baseUrl.getText(),
        price.getText(),
        approval.getValue(),
        merge.getValue(),
        maxTurns.getText(),
        execTimeout.getText(),
        budgetTokens.getText(),
        budgetUsd.getText(),
        budgetMinutes.getText());
  }

  /** What a policy means, in the command line's help words. */
  static String meaning(ApprovalPolicy policy) {
    return switch (policy) {
      case ASK -> "You approve every turn's code before it runs.";
      case RISKY -> "You approve only code flagged as risky; the rest runs.";
      case AUTO_WHILE_GREEN ->
          "Runs while the checks on the tables already written pass; the first failure asks you.";
      case AUTO -> "Every turn's code runs without asking.";
    };
  }

  static String meaning(MergePolicy policy) {
    return switch (policy) {
      case ASK -> "You decide, seeing the diff, the checks and the provenance.";
      case AUTO_IF_GREEN -> "Merged only when every check passes.";
      case NEVER -> "Dry run: nothing reaches main.";
    };
  }

  /** The approval and merge words the choice boxes offer. */
  static void policies(ComboBox<ApprovalPolicy> approval, ComboBox<MergePolicy> merge) {
    approval.getItems().setAll(ApprovalPolicy.values());
    merge.getItems().setAll(MergePolicy.values());
  }

  /** A free-text area sized for a few lines. */
  static void size(TextArea area) {
    area.setPrefRowCount(5);
    area.setWrapText(true);
  }

  static ToggleGroup group(RadioButton... buttons) {
    ToggleGroup g = new ToggleGroup();
    for (RadioButton b : buttons) {
      b.setToggleGroup(g);
    }
    return g;
  }
}
