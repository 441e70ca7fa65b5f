package dev.airlock.agent;

import java.util.Objects;

/** The supervisor's answer to a proposal. */
public sealed interface Decision {
  enum Verdict {
    APPROVE,
    APPROVE_EDITED,
    REJECT,
    STOP
  }

  /** Who "decided" a question the run withdrew when it stopped (nobody did). */
  String WITHDRAWN_BY = "airlock";

  Verdict verdict();

  /** Who decided: "policy:auto", "policy:risky", "human:alice". */
  String by();

  record Approve(String by) implements Decision {
    public Verdict verdict() {
      return Verdict.APPROVE;
    }
  }

  record ApproveEdited(String by, String code) implements Decision {
    public ApproveEdited {
      Objects.requireNonNull(code, "code");
    }

    public Verdict verdict() {
      return Verdict.APPROVE_EDITED;
    }
  }

  record Reject(String by, String feedback) implements Decision {
    public Verdict verdict() {
      return Verdict.REJECT;
    }
  }

  record Stop(String by, String reason) implements Decision {
    public Verdict verdict() {
      return Verdict.STOP;
    }
  }
}
