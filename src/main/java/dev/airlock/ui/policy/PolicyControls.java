package dev.airlock.ui.policy;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.session.RunSession;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Changing the selected live run's approval policy while it runs: Run &gt; Approval policy (one
 * radio item per policy, the one in force checked) and the action bar's "Approve &amp; relax ▾"
 * (Ctrl+Shift+Enter opens it; arrows and Enter pick): approve the waiting code and ask less from
 * here on. The change goes to the {@code answers} executor, never runs on the FX thread; the run
 * records it, and the window shows it when the record comes back.
 */
public final class PolicyControls {
  /** Opens the "Approve &amp; relax ▾" choices. */
  public static final KeyCombination RELAX_KEY =
      new KeyCodeCombination(
          KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  /**
   * What the controls need of the window, called on the FX thread: the selected run's session while
   * it is live (else null), its approval policy now as recorded ("ask", or null), whether code
   * waits for approval in it, how to approve the waiting code exactly as Ctrl+Enter does (the code
   * as it stands, edits included) and change the policy in one step (nothing, and a word why, when
   * Ctrl+Enter would not approve), and where to say what happened.
   */
  public record Host(
      Supplier<RunSession> liveSession,
      Supplier<String> approval,
      BooleanSupplier codeWaits,
      ApproveAndRelax approveAndRelax,
      Consumer<String> say) {}

  /** Approves the waiting code and relaxes the policy as one step of the run. */
  @FunctionalInterface
  public interface ApproveAndRelax {
    /**
     * Approves as Ctrl+Enter does and makes {@code to} decide from the next decision on, both or
     * neither; {@code approved} runs on the FX thread when both happened.
     */
    void approve(ApprovalPolicy to, Runnable approved);
  }

  private final Host host;
  private final Executor answers;
  private final ToggleGroup group = new ToggleGroup();
  private final Map<PolicyChoice, RadioMenuItem> radios = new EnumMap<>(PolicyChoice.class);
  private final MenuButton relax =
      new MenuButton("Approve & relax", new FontIcon(MaterialDesignC.CHECK_ALL));
  private final HBox relaxBox;
  private Menu menu;

  public PolicyControls(Host host, Executor answers) {
    this.host = host;
    this.answers = answers;
    relax.getStyleClass().addAll("relax-policy");
    relax.setTooltip(
        new Tooltip(
            "Approve the waiting code and, from here on, ask less: risky, auto-while-green or"
                + " auto (Ctrl+Shift+Enter, then arrows and Enter)"));
    relax.setMinWidth(Region.USE_PREF_SIZE);
    for (PolicyChoice c : PolicyChoice.relaxing()) {
      MenuItem item = new MenuItem();
      item.setUserData(c);
      item.setOnAction(e -> relax(c));
      relax.getItems().add(item);
    }
    relax.setOnShowing(e -> labelRelaxItems());
    relax.setOnShown(e -> keepOpenUnderTheHeldKey());
    Label key = new Label("Ctrl+Shift+Enter");
    key.getStyleClass().add("key-hint");
    key.setMinWidth(Region.USE_PREF_SIZE);
    relaxBox = new HBox(4, relax, key);
    relaxBox.setAlignment(Pos.CENTER_LEFT);
    relaxBox.setMinWidth(Region.USE_PREF_SIZE);
    labelRelaxItems();
  }

  /** Fills Run &gt; Approval policy with one radio item per policy. */
  public void fill(Menu policyMenu) {
    this.menu = policyMenu;
    for (PolicyChoice c : PolicyChoice.values()) {
      RadioMenuItem item = new RadioMenuItem(c.label());
      item.setToggleGroup(group);
      item.setUserData(c);
      item.setOnAction(e -> choose(c));
      radios.put(c, item);
      policyMenu.getItems().add(item);
    }
    MenuItem approveAndRelax = new MenuItem("Approve, and ask less from here on…");
    approveAndRelax.setAccelerator(RELAX_KEY);
    approveAndRelax.setOnAction(e -> openRelax());
    policyMenu.getItems().addAll(new SeparatorMenuItem(), approveAndRelax);
    refresh();
  }

  /** The action bar's "Approve &amp; relax ▾" with its key. */
  public Node relaxControl() {
    return relaxBox;
  }

  /**
   * Ctrl+Shift+Enter: opens the choices. None is focused until an arrow moves to it, so the Enter
   * of the shortcut, held down and repeating, never picks one.
   */
  public void openRelax() {
    if (host.liveSession().get() == null) {
      host.say().accept("No live run: the approval policy changes only while a run goes on");
      return;
    }
    relax.show();
  }

  /**
   * The choices' popup closes on any key with Ctrl held (so that the window's shortcuts work while
   * it shows), and that includes the repeats of the Ctrl+Shift+Enter that opened it: held down a
   * moment too long, the key closed the choices it had just opened. The popup swallows that key.
   */
  private void keepOpenUnderTheHeldKey() {
    ContextMenu popup = relax.getItems().get(0).getParentPopup();
    if (popup != null && popup.getProperties().putIfAbsent(RELAX_KEY, Boolean.TRUE) == null) {
      popup.addEventFilter(
          KeyEvent.KEY_PRESSED,
          e -> {
            if (RELAX_KEY.match(e)) {
              e.consume();
            }
          });
    }
  }

  /** Brings the checked policy and the enabled state up to date with the selected run. */
  public void refresh() {
    boolean live = host.liveSession().get() != null;
    String word = host.approval().get();
    if (menu != null) {
      menu.setDisable(!live);
      for (Map.Entry<PolicyChoice, RadioMenuItem> e : radios.entrySet()) {
        e.getValue().setSelected(e.getKey().policy.word().equals(word));
      }
    }
    relax.setDisable(!live);
  }

  private void labelRelaxItems() {
    boolean waits = host.codeWaits().getAsBoolean();
    for (MenuItem item : relax.getItems()) {
      PolicyChoice c = (PolicyChoice) item.getUserData();
      item.setText(
          (waits ? "Approve, and from here on: " : "From here on: ")
              + c.policy.word()
              + " ("
              + c.meaning
              + ")");
    }
  }

  /**
   * "Approve &amp; relax ▾": approves the waiting code (as the person's) and relaxes from the next
   * decision.
   */
  void relax(PolicyChoice to) {
    RunSession session = host.liveSession().get();
    if (session == null) {
      host.say().accept("No live run: the approval policy changes only while a run goes on");
      return;
    }
    if (host.codeWaits().getAsBoolean()) {
      host.approveAndRelax()
          .approve(
              to.policy,
              () ->
                  host.say()
                      .accept(
                          "Approved; from here on: " + to.policy.word() + " (" + to.meaning + ")"));
    } else {
      change(session, to.policy, null);
    }
  }

  /** Run &gt; Approval policy: the policy from the next decision on; a question asked stays. */
  void choose(PolicyChoice to) {
    RunSession session = host.liveSession().get();
    if (session == null) {
      host.say().accept("No live run: the approval policy changes only while a run goes on");
      refresh();
      return;
    }
    change(
        session,
        to.policy,
        host.codeWaits().getAsBoolean()
            ? "; the code waiting now is still yours: Ctrl+Enter approves it, Ctrl+Shift+Enter"
                + " approves and relaxes"
            : null);
  }

  private void change(RunSession session, ApprovalPolicy to, String more) {
    answers.execute(
        () -> {
          boolean changed = session.changePolicy(to);
          Platform.runLater(
              () -> {
                host.say()
                    .accept(
                        (changed
                                ? "From here on: " + to.word()
                                : "The approval policy is " + to.word() + " already")
                            + (more == null ? "" : more));
                refresh();
              });
        });
  }
}
