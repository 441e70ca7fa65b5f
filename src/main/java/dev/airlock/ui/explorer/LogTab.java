package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.CommitHash;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The commit log of the selected ref, newest first: each commit's hash, subject, author and time,
 * and the run and turn that wrote it as a link that opens that run in the console (Enter on the
 * selected commit does the same). A merge commit on a branch can be reverted (the button, reached
 * with Tab), after the same preview and confirmation as the CLI's.
 */
final class LogTab {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  final VBox root;
  final ListView<Commit> commits = new ListView<>();
  final Button revert = new Button("Revert merge…");
  final Label state = new Label();
  private final Consumer<String> openRun;
  private boolean onBranch;

  LogTab(Consumer<String> openRun, Consumer<Commit> revertMerge) {
    this.openRun = openRun;
    commits.getStyleClass().add("explorer-log");
    commits.setPlaceholder(new Label("Select a branch or tag to see its commits"));
    commits.setCellFactory(v -> new CommitCell());
    commits
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> revert.setDisable(!revertible(now)));
    commits.setOnKeyPressed(
        e -> {
          Commit c = commits.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && c != null && ExplorerText.runOf(c) != null) {
            openRun.accept(ExplorerText.runOf(c));
            e.consume();
          }
        });
    revert.setDisable(true);
    revert.setOnAction(
        e -> {
          Commit c = commits.getSelectionModel().getSelectedItem();
          if (revertible(c)) {
            revertMerge.accept(c);
          }
        });
    state.getStyleClass().add("explorer-state");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, state, gap, revert);
    bar.getStyleClass().add("explorer-bar");
    root = new VBox(6, bar, commits);
    root.getStyleClass().add("explorer-tab");
    VBox.setVgrow(commits, Priority.ALWAYS);
  }

  /** Shows {@code log} of a ref; {@code branch}: whether that ref is a branch (revertible). */
  void show(List<Commit> log, String ref, boolean branch) {
    onBranch = branch;
    commits.getItems().setAll(log);
    state.setText(
        log.size()
            + (log.size() == 1 ? " commit" : " commits")
            + " on "
            + ExplorerText.visible(ref, 80)
            + (log.size() >= ExplorerData.LOG_LIMIT ? " (the newest " + log.size() + ")" : ""));
    revert.setDisable(!revertible(commits.getSelectionModel().getSelectedItem()));
  }

  private boolean revertible(Commit c) {
    return onBranch && c != null && c.parents().size() == 2;
  }

  private final class CommitCell extends ListCell<Commit> {
    @Override
    protected void updateItem(Commit c, boolean empty) {
      super.updateItem(c, empty);
      if (empty || c == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label hash = new Label(CommitHash.abbreviate(c.hash()));
      hash.getStyleClass().add("commit-hash");
      Label subject = new Label(ExplorerText.visible(c.subject(), 200));
      subject.getStyleClass().add("commit-subject");
      HBox top = new HBox(8, hash, subject);
      top.setAlignment(Pos.CENTER_LEFT);
      if (c.parents().size() == 2) {
        Label merge = new Label("merge");
        merge.getStyleClass().add("commit-merge");
        top.getChildren().add(1, merge);
      }
      Label who = new Label(ExplorerText.visible(c.author(), 80) + " · " + TIME.format(c.time()));
      who.getStyleClass().add("commit-meta");
      HBox bottom = new HBox(8, who);
      bottom.setAlignment(Pos.CENTER_LEFT);
      String run = ExplorerText.runOf(c);
      String shown = ExplorerText.runAndTurn(c);
      if (run != null) {
        Hyperlink link = new Hyperlink(shown);
        link.getStyleClass().add("commit-run");
        link.setFocusTraversable(false);
        link.setOnAction(e -> openRun.accept(run));
        bottom.getChildren().add(link);
      } else if (!shown.isEmpty()) {
        Label plain = new Label(shown);
        plain.getStyleClass().add("commit-meta");
        bottom.getChildren().add(plain);
      }
      VBox box = new VBox(2, top, bottom);
      box.getStyleClass().add("commit-cell");
      setText(null);
      setGraphic(box);
    }
  }
}
