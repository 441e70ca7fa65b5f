package dev.airlock.ui.newrun;

import dev.airlock.session.AirlockPaths;
import dev.airlock.session.RawPreview;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * What the raw data location holds, under its field: the number of files, their total size and the
 * first few names, listed in the background once typing pauses. A listing that arrives after the
 * location changed again is dropped.
 */
final class RawListingView {
  /** Names shown under the field; the rest are counted. */
  static final int SHOWN = 6;

  private final AirlockPaths paths;
  private final Map<String, String> env;
  private final Executor background;
  private final Label summary = new Label();
  private final Label names = new Label();
  private final VBox box = new VBox(2, summary, names);
  private final PauseTransition pause = new PauseTransition(Duration.millis(350));
  private int asked;
  private boolean stopped;

  RawListingView(AirlockPaths paths, Map<String, String> env, Executor background) {
    this.paths = paths;
    this.env = env;
    this.background = background;
    summary.getStyleClass().addAll("form-note", "raw-summary");
    summary.setWrapText(true);
    names.getStyleClass().add("form-listing");
    names.setManaged(false);
    names.setVisible(false);
  }

  Node node() {
    return box;
  }

  void watch(TextField raw) {
    pause.setOnFinished(e -> list(raw.getText()));
    raw.textProperty().addListener((o, was, now) -> pause.playFromStart());
    list(raw.getText());
  }

  void stop() {
    stopped = true;
    pause.stop();
  }

  /** The summary line shown now, for tests. */
  String summary() {
    return summary.getText();
  }

  private void list(String location) {
    int ticket = ++asked;
    show("listing " + (location.isBlank() ? "the demo data" : location.strip()) + "…", null, "");
    background.execute(
        () -> {
          String text;
          String names;
          String style;
          try {
            RawPreview.Listing l = RawPreview.list(location, paths, env);
            text = describe(l);
            names = first(l.files());
            style = "ok";
          } catch (RawPreview.Unavailable e) {
            text = e.getMessage();
            names = "";
            style = "warn";
          }
          String t = text;
          String n = names;
          String look = style;
          Platform.runLater(
              () -> {
                if (ticket == asked && !stopped) {
                  show(t, look, n);
                }
              });
        });
  }

  private void show(String text, String style, String list) {
    summary.setText(text);
    summary.getStyleClass().removeAll("ok", "warn");
    if (style != null) {
      summary.getStyleClass().add(style);
    }
    names.setText(list);
    names.setManaged(!list.isEmpty());
    names.setVisible(!list.isEmpty());
  }

  static String describe(RawPreview.Listing l) {
    int n = l.files().size();
    return (l.truncated() ? "more than " : "")
        + n
        + (n == 1 ? " file, " : " files, ")
        + size(l.bytes())
        + (l.truncated() ? " in the first " + n : "");
  }

  private static String first(List<RawPreview.Item> files) {
    StringBuilder out = new StringBuilder();
    int width = 0;
    for (int i = 0; i < Math.min(SHOWN, files.size()); i++) {
      width = Math.max(width, files.get(i).name().length());
    }
    width = Math.min(width, 48);
    for (int i = 0; i < Math.min(SHOWN, files.size()); i++) {
      RawPreview.Item item = files.get(i);
      String name =
          item.name().length() > 48
              ? "…" + item.name().substring(item.name().length() - 47)
              : item.name();
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(String.format(Locale.ROOT, "%-" + width + "s  %9s", name, size(item.size())));
    }
    if (files.size() > SHOWN) {
      out.append("\n… and ").append(files.size() - SHOWN).append(" more");
    }
    return out.toString();
  }

  /** "812 B", "1.2 KB", "3.4 MB", "2.0 GB" (powers of 1024). */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
