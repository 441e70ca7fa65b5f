package dev.airlock.ui.newrun;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/**
 * Under the model field: whether the key its provider needs is set ("TOGETHER_API_KEY is set"),
 * worked out in the background (it reads .env) whenever the model or base URL changes.
 */
final class KeyStatusView {
  private final Map<String, String> env;
  private final Path dotEnv;
  private final Executor background;
  private final Label line = new Label();
  private final PauseTransition pause = new PauseTransition(Duration.millis(250));
  private int asked;
  private boolean stopped;

  KeyStatusView(Map<String, String> env, Path dotEnv, Executor background) {
    this.env = env;
    this.dotEnv = dotEnv;
    this.background = background;
    line.getStyleClass().addAll("form-note", "key-status");
    line.setWrapText(true);
  }

  Node node() {
    return line;
  }

  /** The line shown now, for tests. */
  String text() {
    return line.getText();
  }

  void watch(ComboBox<String> model, TextField baseUrl) {
    pause.setOnFinished(e -> check(model.getEditor().getText(), baseUrl.getText()));
    model.getEditor().textProperty().addListener((o, was, now) -> pause.playFromStart());
    model.valueProperty().addListener((o, was, now) -> pause.playFromStart());
    baseUrl.textProperty().addListener((o, was, now) -> pause.playFromStart());
    check(model.getEditor().getText(), baseUrl.getText());
  }

  void stop() {
    stopped = true;
    pause.stop();
  }

  private void check(String model, String baseUrl) {
    int ticket = ++asked;
    background.execute(
        () -> {
          KeyStatus status = KeyStatus.of(model, baseUrl, env, dotEnv);
          Platform.runLater(
              () -> {
                if (ticket == asked && !stopped) {
                  line.setText(status.text());
                  line.getStyleClass().removeAll("ok", "warn");
                  line.getStyleClass().add(status.ok() ? "ok" : "warn");
                  line.setManaged(!status.text().isEmpty());
                  line.setVisible(!status.text().isEmpty());
                }
              });
        });
  }
}
