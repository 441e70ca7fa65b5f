package dev.airlock.ui.code;

import dev.airlock.agent.UnifiedDiff;
import java.util.Collection;
import java.util.List;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The unified diff from the agent's code to the supervisor's, read-only, with the engine's own diff
 * (the one the model is sent). Each line is classed by its kind (added, removed, hunk header, file
 * header, context) so the palette colours whole lines.
 */
final class DiffView extends VirtualizedScrollPane<CodeArea> {

  DiffView() {
    super(new CodeArea());
    getContent().setEditable(false);
    getContent().getStyleClass().add("diff-area");
  }

  void show(String agent, String edited) {
    CodeArea area = getContent();
    String diff = UnifiedDiff.between(agent, edited, "agent", "edited");
    if (diff.endsWith("\n")) {
      diff = diff.substring(0, diff.length() - 1);
    }
    area.replaceText(diff);
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    String[] lines = diff.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      List<String> kind = List.of(i < 2 ? "diff-file" : lineClass(lines[i]));
      area.setParagraphStyle(i, kind);
      spans.add(kind, lines[i].length() + (i < lines.length - 1 ? 1 : 0));
    }
    area.setStyleSpans(0, spans.create());
    area.moveTo(0);
    area.showParagraphAtTop(0);
  }

  String text() {
    return getContent().getText();
  }

  /** The class of a line after the two file headers. */
  static String lineClass(String line) {
    if (line.startsWith("@@")) {
      return "diff-hunk";
    } else if (line.startsWith("+")) {
      return "diff-added";
    } else if (line.startsWith("-")) {
      return "diff-removed";
    }
    return "diff-context";
  }
}
