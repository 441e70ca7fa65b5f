package dev.airlock.ui.code;

import dev.airlock.agent.Risk;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.ui.TurnView;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.Caret;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The selected turn's code: the agent's proposal, highlighted, with line numbers and the engine's
 * risk flags; editable while the turn waits for approval (the window says when); once edited, a
 * diff against the agent's version. Highlighting and the risk scan run on the background executor
 * and are applied only if the text has not changed meanwhile. An edit in progress survives events
 * of its turn and moving to another turn and back, as long as the proposal is the same and nothing
 * was decided.
 */
public final class CodePane extends BorderPane implements TurnView {
  private static final PseudoClass EDITING = PseudoClass.getPseudoClass("editing");
  private static final RiskDetector RISKS = new RiskDetector();

  /** The highlighting and risks of one exact text, computed off the FX thread. */
  private record Analysis(String text, StyleSpans<Collection<String>> spans, List<Risk> risks) {}

  /** A supervisor's unsent edit of a turn's proposal, kept while another turn is shown. */
  private record Draft(String proposal, String text) {}

  private final Executor background;
  private final CodeArea area = new CodeArea();
  private final VirtualizedScrollPane<CodeArea> codeScroll = new VirtualizedScrollPane<>(area);
  private final DiffView diff = new DiffView();
  private final Label empty = new Label();
  private final RiskBadges badges = new RiskBadges();
  private final Label mode = new Label();
  private final ToggleButton diffToggle = new ToggleButton("Diff vs agent");
  private final IntFunction<Node> lineNumbers = LineNumberFactory.get(area);
  private final Map<Integer, Draft> drafts = new HashMap<>();
  private Map<Integer, String> riskyLines = Map.of();
  private TurnCode current = TurnCode.of(null);
  private RunProjection run;
  private int turn;
  private boolean editable;
  private String requested;

  public CodePane(Executor background) {
    this.background = background;
    getStyleClass().add("code-pane");
    getStylesheets()
        .add(CodePane.class.getResource("/dev/airlock/ui/styles/code.css").toExternalForm());
    area.getStyleClass().add("code-editor");
    area.setStyle(Monospace.style());
    diff.getContent().setStyle(Monospace.style());
    area.setEditable(false);
    area.setParagraphGraphicFactory(gutter());
    area.multiPlainChanges().successionEnds(Duration.ofMillis(100)).subscribe(c -> analyse());
    area.textProperty().addListener((o, was, is) -> refreshState());
    area.focusedProperty()
        .addListener(
            (o, was, is) ->
                area.setShowCaret(is ? Caret.CaretVisibility.ON : Caret.CaretVisibility.AUTO));
    diffToggle.getStyleClass().addAll("diff-toggle", "small");
    diffToggle.setFocusTraversable(false);
    diffToggle.selectedProperty().addListener((o, was, is) -> refreshBody());
    empty.getStyleClass().add("code-empty");
    empty.setWrapText(true);
    mode.getStyleClass().add("code-mode");
    Label title = new Label("Code");
    title.getStyleClass().add("code-pane-title");
    for (Region fixed : List.of(title, mode, diffToggle)) {
      fixed.setMinWidth(Region.USE_PREF_SIZE); // the badges give way (they wrap), never these
    }
    HBox.setHgrow(badges, Priority.ALWAYS);
    badges.setMinWidth(0);
    HBox header = new HBox(8, title, badges, mode, diffToggle);
    header.getStyleClass().add("code-pane-header");
    header.setAlignment(Pos.CENTER_LEFT);
    StackPane body = new StackPane(codeScroll, diff, empty);
    body.getStyleClass().add("code-pane-body");
    StackPane.setAlignment(empty, Pos.CENTER);
    setTop(header);
    setCenter(body);
    render(current);
  }

  @Override
  public void show(RunProjection run, int turn) {
    keepDraft();
    if (run != this.run) {
      drafts.clear();
    }
    this.run = run;
    this.turn = turn;
    TurnCode code = TurnCode.of(run.turn(turn));
    render(code);
    Draft draft = drafts.remove(turn);
    if (draft != null && !code.decided() && draft.proposal().equals(code.proposal())) {
      area.replaceText(draft.text());
    }
  }

  @Override
  public void update(RunProjection run, List<RunEvent> batch) {
    boolean touchesCode =
        batch.stream()
            .anyMatch(
                e ->
                    e.turn() == turn
                        && (e instanceof RunEvent.ResponseParsed
                            || e instanceof RunEvent.ApprovalRequested
                            || e instanceof RunEvent.Decided));
    if (!touchesCode || run != this.run) {
      return;
    }
    TurnCode next = TurnCode.of(run.turn(turn));
    if (next.equals(current)) {
      return;
    }
    if (edited() && !next.decided() && Objects.equals(next.proposal(), current.proposal())) {
      current = next; // the same proposal again (parsed, then asked): the edit stays
      refreshState();
      return;
    }
    render(next);
  }

  /**
   * Lets the supervisor edit the code; the window allows it only while the turn awaits approval.
   */
  public void setEditable(boolean editable) {
    this.editable = editable;
    refreshState();
  }

  /** The code as it stands in the pane: the proposal, the supervisor's edit, or what ran. */
  public String text() {
    return area.getText();
  }

  /** The agent's proposal for the shown turn; empty when the turn has no code. */
  public String proposal() {
    return current.hasCode() ? current.proposal() : "";
  }

  /** The text differs from the agent's proposal (an edit in progress, or an edit that ran). */
  public boolean edited() {
    return current.hasCode() && !area.getText().equals(current.proposal());
  }

  /** Shows the code (not the diff) and puts the keyboard in it, caret visible. */
  public void focusEditor() {
    diffToggle.setSelected(false);
    area.requestFocus();
    area.requestFollowCaret();
  }

  public CodeArea area() {
    return area;
  }

  private void render(TurnCode code) {
    current = code;
    if (code.hasCode()) {
      area.replaceText(code.shown());
      area.getUndoManager().forgetHistory();
      area.moveTo(0);
      area.showParagraphAtTop(0);
      requested = null;
      analyse();
    } else {
      area.clear();
      empty.setText(code.emptyMessage());
      badges.show(List.of());
    }
    markRiskyLines(Map.of());
    refreshState();
  }

  /** Sends the text to be highlighted and scanned, unless that exact text is already on its way. */
  private void analyse() {
    String text = area.getText();
    if (text.equals(requested)) {
      return;
    }
    requested = text;
    try {
      background.execute(
          () -> {
            Analysis done = new Analysis(text, PythonHighlighter.spans(text), RISKS.scan(text));
            Platform.runLater(() -> apply(done));
          });
    } catch (RejectedExecutionException closing) {
      // the window is closing: nothing left to highlight
    }
  }

  private void apply(Analysis analysis) {
    if (!analysis.text().equals(area.getText())) {
      return; // edited (or another turn shown) meanwhile: a newer analysis is on its way
    }
    area.setStyleSpans(0, analysis.spans());
    badges.show(analysis.risks());
    Map<Integer, String> lines = new HashMap<>();
    for (Risk risk : analysis.risks()) {
      lines.merge(
          risk.line() - 1, RiskBadges.severity(risk.rule()), (a, b) -> a.equals("danger") ? a : b);
    }
    markRiskyLines(lines);
  }

  /** Tints the risky lines and marks them in the gutter; every other line loses its mark. */
  private void markRiskyLines(Map<Integer, String> lines) {
    int paragraphs = area.getParagraphs().size();
    for (int i = 0; i < paragraphs; i++) {
      String severity = lines.get(i);
      List<String> style = severity == null ? List.of() : List.of("risk-line", severity);
      if (!area.getParagraph(i).getParagraphStyle().equals(style)) {
        area.setParagraphStyle(i, style);
      }
    }
    if (!lines.equals(riskyLines)) {
      riskyLines = Map.copyOf(lines);
      area.setParagraphGraphicFactory(gutter());
    }
  }

  /** Line numbers with a coloured bar beside each risky line (a new factory redraws them all). */
  private IntFunction<Node> gutter() {
    Map<Integer, String> marks = riskyLines;
    return line -> {
      Region mark = new Region();
      mark.getStyleClass().add("risk-mark");
      String severity = marks.get(line);
      if (severity != null) {
        mark.getStyleClass().add(severity);
      }
      HBox gutter = new HBox(mark, lineNumbers.apply(line));
      gutter.getStyleClass().add("code-gutter");
      return gutter;
    };
  }

  private void keepDraft() {
    if (edited() && !current.decided()) {
      drafts.put(turn, new Draft(current.proposal(), area.getText()));
    }
  }

  private void refreshState() {
    boolean hasCode = current.hasCode();
    area.setEditable(editable && hasCode && !current.decided()); // what was decided is history
    boolean diffable = hasCode && (current.executedEdit() || edited());
    diffToggle.setDisable(!diffable);
    if (!diffable) {
      diffToggle.setSelected(false);
    }
    for (Node codeOnly : List.of(mode, diffToggle)) {
      codeOnly.setVisible(hasCode);
      codeOnly.setManaged(hasCode);
    }
    mode.setText(
        area.isEditable() ? "editing" : current.executedEdit() ? "read-only, edited" : "read-only");
    mode.pseudoClassStateChanged(EDITING, area.isEditable());
    refreshBody();
  }

  private void refreshBody() {
    boolean hasCode = current.hasCode();
    boolean showDiff = hasCode && diffToggle.isSelected();
    codeScroll.setVisible(hasCode && !showDiff);
    diff.setVisible(showDiff);
    empty.setVisible(!hasCode);
    if (showDiff) {
      diff.show(current.proposal(), area.getText());
    }
  }
}
