package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.CommitHash;
import dev.airlock.lakehouse.RevertPlan;
import dev.airlock.ui.OffFxThread;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Revert-merge from the commit log, as {@code airlock lakehouse revert-merge}: the plan is computed
 * in the background (with the lakehouse's own checks and errors), shown in a {@link
 * RevertMergeDialog}, and only the person's explicit confirmation writes, recorded as theirs.
 */
final class RevertFlow {
  private final Window owner;
  private final Executor background;
  private final Supplier<ExplorerData> data;
  private final Scene themeFrom;
  private final Consumer<String> say;
  private final Consumer<String> reloadThenSay;

  /** The dialog on screen, or null (tests read it). */
  RevertMergeDialog dialog;

  RevertFlow(
      Window owner,
      Executor background,
      Supplier<ExplorerData> data,
      Scene themeFrom,
      Consumer<String> say,
      Consumer<String> reloadThenSay) {
    this.owner = owner;
    this.background = background;
    this.data = data;
    this.themeFrom = themeFrom;
    this.say = say;
    this.reloadThenSay = reloadThenSay;
  }

  /** Plans the revert of {@code merge} on {@code branch} and asks the person. */
  void start(Commit merge, String branch) {
    ExplorerData d = data.get();
    if (d == null || branch == null) {
      return;
    }
    String shortHash = CommitHash.abbreviate(merge.hash());
    say.accept("Planning the revert of merge " + shortHash + "…");
    OffFxThread.run(
        background,
        () -> d.planRevert(merge.hash(), branch),
        (plan, error) -> {
          if (error != null) {
            say.accept("Cannot revert merge " + shortHash + ": " + ExplorerText.error(error));
            return;
          }
          ask(d, plan, branch);
        });
  }

  private void ask(ExplorerData d, RevertPlan plan, String branch) {
    String shortHash = CommitHash.abbreviate(plan.merge().hash());
    dialog = new RevertMergeDialog(owner, plan, branch, themeFrom);
    dialog.stage.setOnHidden(
        e -> {
          boolean yes = dialog.confirmed();
          dialog = null;
          if (!yes) {
            say.accept(
                "Revert of merge "
                    + shortHash
                    + " declined: "
                    + ExplorerText.visible(branch, 80)
                    + " is unchanged");
            return;
          }
          revert(d, plan, branch);
        });
    dialog.stage.show();
  }

  private void revert(ExplorerData d, RevertPlan plan, String branch) {
    String shortHash = CommitHash.abbreviate(plan.merge().hash());
    say.accept("Reverting merge " + shortHash + "…");
    OffFxThread.run(
        background,
        () -> d.revert(plan.merge().hash(), branch),
        (head, error) -> {
          if (error != null) {
            say.accept("Revert of merge " + shortHash + " failed: " + ExplorerText.error(error));
            return;
          }
          reloadThenSay.accept(
              "Reverted merge "
                  + shortHash
                  + " on "
                  + ExplorerText.visible(branch, 80)
                  + ": it is now at "
                  + CommitHash.abbreviate(head.hash())
                  + " (the merge stays in the history)");
        });
  }
}
