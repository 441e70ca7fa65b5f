package dev.airlock.ui.output;

import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.agent.TurnRecord;
import dev.airlock.model.Usage;
import dev.airlock.ui.TurnView;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * The selected turn's reasoning: the model's answer as it streams (each batch of tokens appended in
 * one edit), replaced by the parsed reasoning once the answer is parsed, with what else the answer
 * said in small muted lines (the packages it asks for, its done claim, or the format error).
 * Wrapped proportional text, selectable and copyable.
 */
public final class ReasoningPane extends BorderPane implements TurnView {
  static final String STREAM = "reasoning-stream";
  static final String TEXT = "reasoning-text";
  static final String META = "reasoning-meta";
  static final String ERROR = "reasoning-error";

  private final StyleClassedTextArea area = new StyleClassedTextArea();
  private final Label status = new Label();
  private final Label empty = new Label();
  private final VirtualizedScrollPane<StyleClassedTextArea> scroll;
  private int turn;
  private boolean parsed;

  /**
   * Characters of the model's text shown for one turn at most; the rest is cut with a note (the
   * transcript keeps all of it). The model decides how much it writes, and a megabyte in one
   * wrapped paragraph would stall the UI thread at every batch.
   */
  static final int MAX_SHOWN = 100_000;

  private int shown;
  private boolean cut;

  public ReasoningPane() {
    getStyleClass().addAll("turn-pane", "reasoning-pane");
    getStylesheets().add(ReasoningPane.class.getResource(Styles.OUTPUT_CSS).toExternalForm());
    Label title = new Label("Reasoning");
    title.getStyleClass().add("pane-title");
    title.setMinWidth(Region.USE_PREF_SIZE);
    status.getStyleClass().add("pane-status");
    status.setMinWidth(0);
    HBox header = new HBox(8, title, status);
    header.getStyleClass().add("pane-header");
    setTop(header);

    area.setEditable(false);
    area.setWrapText(true);
    area.setUndoManager(UndoUtils.noOpUndoManager());
    area.getStyleClass().add("reasoning-area");
    scroll = new VirtualizedScrollPane<>(area);
    empty.getStyleClass().add("pane-empty");
    empty.setWrapText(true);
    setCenter(new StackPane(scroll, empty));
    show(null, 0);
  }

  @Override
  public void show(RunProjection run, int turn) {
    this.turn = turn;
    parsed = false;
    clear();
    status.setText("");
    TurnRecord record = run == null || turn == 0 ? null : run.turn(turn);
    if (record != null && record.parsed() != null) {
      showParsed(record.parsed(), record.response());
    } else if (run != null && turn > 0 && run.live().turn() == turn) {
      String streamed = run.live().response();
      if (!streamed.isEmpty()) {
        appendModelText(streamed, STREAM);
        status.setText("streaming");
      }
    }
    refreshEmpty();
  }

  @Override
  public void update(RunProjection run, List<RunEvent> batch) {
    if (turn == 0) {
      return;
    }
    StringBuilder tokens = new StringBuilder();
    boolean restart = false;
    for (RunEvent e : batch) {
      if (e.turn() != turn) {
        continue;
      }
      if (e instanceof RunEvent.ModelToken t && !parsed) {
        tokens.append(t.text());
      } else if (e instanceof RunEvent.StreamRestarted || e instanceof RunEvent.ModelRequested) {
        // The text streamed so far is void: the answer starts over.
        tokens.setLength(0);
        restart = true;
        parsed = false;
      } else if (e instanceof RunEvent.ResponseParsed) {
        tokens.setLength(0);
        restart = false;
        TurnRecord record = run.turn(turn);
        clear();
        showParsed(record.parsed(), record.response());
      }
    }
    if (restart) {
      clear();
      status.setText("");
    }
    if (tokens.length() > 0) {
      appendModelText(tokens.toString(), STREAM);
      status.setText("streaming");
      area.showParagraphAtBottom(area.getParagraphs().size() - 1);
    }
    refreshEmpty();
  }

  private void clear() {
    area.clear();
    shown = 0;
    cut = false;
  }

  /**
   * Appends the model's {@code text}: characters that reorder or hide text shown by their code
   * points (the reasoning must not read otherwise than it was written), and nothing past {@link
   * #MAX_SHOWN} characters but a note that the rest was cut.
   */
  private void appendModelText(String text, String style) {
    if (cut) {
      return;
    }
    String kept = text;
    if (shown + text.length() > MAX_SHOWN) {
      kept = text.substring(0, MAX_SHOWN - shown);
      cut = true;
    }
    shown += kept.length();
    area.append(visible(kept), style);
    if (cut) {
      area.append(
          String.format(
              Locale.ROOT,
              "\n[the model's text is cut here at %,d characters; the transcript has all of it]\n",
              MAX_SHOWN),
          META);
    }
  }

  /** {@code text} with hidden characters as code points; line breaks and tabs stay. */
  private static String visible(String text) {
    text = text.replace("\r\n", "\n");
    StringBuilder b = null;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && (RiskDetector.isHidden(c) || Character.isHighSurrogate(c))) {
        b = new StringBuilder(text.length() + 16);
        break;
      }
    }
    if (b == null) {
      return text;
    }
    for (String line : text.split("\n", -1)) {
      if (from++ > 0) {
        b.append('\n');
      }
      b.append(RiskDetector.visible(line));
    }
    return b.toString();
  }

  /** The text shown (tests, screenshots). */
  public String shownText() {
    return area.getText();
  }

  /** The empty-state message, or null while text is shown. */
  public String emptyText() {
    return empty.isVisible() ? empty.getText() : null;
  }

  StyleClassedTextArea area() {
    return area;
  }

  private void showParsed(RunEvent.ResponseParsed p, RunEvent.ModelResponded response) {
    parsed = true;
    String reasoning = p.reasoning() == null ? "" : Prose.unwrap(p.reasoning().strip());
    if (reasoning.isEmpty()) {
      area.append("(no reasoning given)\n", META);
    } else {
      appendModelText(reasoning + "\n", TEXT);
    }
    if (p.packages() != null && !p.packages().isEmpty()) {
      area.append("\npackages: " + visible(String.join(", ", p.packages())) + "\n", META);
    }
    if (p.done() != null) {
      String summary = p.done().isBlank() ? "(no summary)" : visible(p.done().strip());
      area.append(
          "\n"
              + (p.code() == null
                  ? "done: "
                  : "done (claimed with this code; accepted only after its output): ")
              + summary
              + "\n",
          META);
    }
    if (p.formatError() != null) {
      area.append("\nformat error: " + p.formatError() + "\n", ERROR);
    }
    area.showParagraphAtTop(0);
    status.setText(response == null ? "" : answered(response));
  }

  /** "answered in 0.40 s · 1,697 tokens in, 24 out · $0.0004", as the CLI says it. */
  private static String answered(RunEvent.ModelResponded r) {
    Usage u = r.usage() == null ? Usage.NONE : r.usage();
    String text =
        String.format(
            Locale.ROOT,
            "answered in %.2f s · %,d tokens in, %,d out",
            r.latencyMs() / 1000.0,
            u.inputTokens(),
            u.outputTokens());
    if (r.costUsd() != null) {
      text += String.format(Locale.ROOT, " · $%.4f", r.costUsd());
    }
    if (r.attempts() > 1) {
      text += " · " + r.attempts() + " attempts";
    }
    return text;
  }

  private void refreshEmpty() {
    String message = null;
    if (turn == 0) {
      message = "No turn selected";
    } else if (area.getLength() == 0) {
      message = "Waiting for the model";
    }
    empty.setText(message == null ? "" : message);
    empty.setVisible(message != null);
    scroll.setVisible(message == null);
  }
}
