package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.session.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File > Export report (Ctrl+Shift+E) on a finished run: the report is written where the person
 * chose, holds every turn's code, and shows a {@code <script>} the model put in its reasoning as
 * text.
 */
class ConsoleExportTest {
  private static final String SCRIPT = "<script>alert(1)</script>";

  @TempDir Path dir;
  private ConsoleProbe console;

  @AfterEach
  void close() throws Exception {
    if (console != null) {
      console.close();
    }
  }

  private static String answer(String reasoning, String code) {
    return "<reasoning>" + reasoning + "</reasoning>\n<code>\n" + code + "\n</code>";
  }

  @Test
  void ctrlShiftEExportsTheFinishedRunAsHtmlWhereThePersonChose() throws Exception {
    String model =
        ConsoleRuns.script(
            dir,
            List.of(
                answer("First I look. " + SCRIPT, "print('turn one')"),
                answer("Then I count.", "print('turn two', 1 < 2)"),
                "<reasoning>That is all.</reasoning>\n<done>Looked and counted.</done>"));
    Path raw = Files.createDirectories(dir.resolve("raw"));
    Files.writeString(raw.resolve("orders.csv"), "id\n1\n");
    RunRequest request =
        RunRequest.builder(model)
            .raw(raw.toString())
            .maxTurns(4)
            .approval(ApprovalPolicy.AUTO)
            .build();
    console = ConsoleProbe.open(ConsoleStart.live(ConsoleRuns.launcher(dir), request));
    console.await("the run to finish", console::finished);
    String runId = console.session().runId();

    Path html = dir.resolve("shared").resolve("report.html");
    Files.createDirectories(html.getParent());
    AtomicReference<Path> offered = new AtomicReference<>();
    AtomicReference<Window> owner = new AtomicReference<>();
    ReportExport export = console.reportExport();
    export.chooser =
        w -> {
          offered.set(export.suggested());
          owner.set(w);
          return html;
        };

    console.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
    console.await(
        "the action bar to say where the report went",
        () -> console.actionMessage().startsWith("Report written to"));

    assertThat(console.actionMessage())
        .isEqualTo("Report written to report.html in " + html.getParent());
    assertThat(offered.get())
        .isEqualTo(Path.of(System.getProperty("user.home")).resolve(runId + ".html"));
    assertThat(owner.get()).isSameAs(console.stage());
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>");
    assertThat(page)
        .contains("print(&#39;turn one&#39;)")
        .contains("print(&#39;turn two&#39;, 1 &lt; 2)")
        .contains("First I look. &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Looked and counted.");
    assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("<script");

    // The next export offers the folder of the last one; a .md name gets Markdown.
    Path md = html.resolveSibling("report.md");
    export.chooser =
        w -> {
          offered.set(export.suggested());
          return md;
        };
    console.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
    console.await(
        "the Markdown report",
        () -> console.actionMessage().equals("Report written to report.md in " + md.getParent()));
    assertThat(offered.get()).isEqualTo(html.resolveSibling(runId + ".html"));
    assertThat(Files.readString(md))
        .startsWith("# Airlock run " + runId)
        .contains("```python\nprint('turn one')\n```")
        .contains("First I look. \\<script\\>alert(1)\\</script\\>");

    // A copy of a transcript under a report's name is a transcript still: it is never replaced.
    Path copy = html.resolveSibling("kept.html");
    Files.copy(console.session().transcript(), copy);
    String before = Files.readString(copy);
    export.chooser = w -> copy;
    console.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
    console.await(
        "the export to refuse the transcript",
        () -> console.actionMessage().startsWith("Export: " + copy + " is a run's transcript"));
    assertThat(console.actionMessage()).contains("would lose the run").contains(".html or .md");
    assertThat(Files.readString(copy)).isEqualTo(before);
  }

  @Test
  void aLiveRunExportsItsEventsSoFarAndSaysItIsStillGoing() throws Exception {
    console =
        ConsoleRuns.openScripted(
            dir, 2, List.of(ConsoleRuns.code("print('first')"), "<done>finished</done>"));
    console.awaitApproval(1);
    Path html = dir.resolve("live.html");
    console.reportExport().chooser = w -> html;

    console.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
    console.await(
        "the live run's report", () -> console.actionMessage().startsWith("Report written to"));

    assertThat(Files.readString(html))
        .contains("print(&#39;first&#39;)")
        .contains("waiting for approval")
        .contains("The run is still going: this report holds its transcript so far");
    assertThat(console.waiting()).as("exporting answers nothing").isNotNull();
  }
}
