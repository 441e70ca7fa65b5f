package dev.airlock.ui.policy;

import dev.airlock.agent.Decision;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.TurnRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Who decided a turn and how its approval policy changed, in the words the turn header shows:
 * "approved by rule:safe-code", "approved by human:alice · approval ask → auto (human:alice)".
 * Toolkit-free; the names come from the transcript, so they are shown with hidden characters
 * visible.
 */
public final class TurnPolicyText {
  private TurnPolicyText() {}

  /** The turn's decision and policy changes, joined by " · "; empty when it has neither. */
  public static String of(TurnRecord record) {
    if (record == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    RunEvent.Decided d = record.decision();
    if (d != null && !Decision.WITHDRAWN_BY.equals(d.by())) {
      parts.add(verdict(d.verdict()) + " by " + shown(d.by()));
    }
    for (RunEvent e : record.events()) {
      if (e instanceof RunEvent.PolicyChanged c) {
        parts.add(
            "approval " + shown(c.from()) + " → " + shown(c.to()) + " (" + shown(c.by()) + ")");
      }
    }
    return String.join("  ·  ", parts);
  }

  private static String verdict(Decision.Verdict v) {
    return switch (v) {
      case APPROVE -> "approved";
      case APPROVE_EDITED -> "approved with edits";
      case REJECT -> "rejected";
      case STOP -> "stopped";
    };
  }

  private static String shown(String text) {
    String visible = RiskDetector.visible(String.valueOf(text));
    return visible.length() <= 80 ? visible : visible.substring(0, 79) + "…";
  }
}
