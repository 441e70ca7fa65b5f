package dev.airlock.agent;

import java.util.List;

/**
 * A model response as the loop understands it. Exactly one of: code to run, a done claim, both (the
 * code runs first; done is accepted only after the model has seen the output), or a format error
 * explaining to the model what was wrong.
 */
public record ParsedResponse(
    Kind kind, String reasoning, List<String> packages, String code, String done, String error) {

  public enum Kind {
    PROPOSAL,
    DONE,
    PROPOSAL_AND_DONE,
    FORMAT_ERROR;

    public boolean hasCode() {
      return this == PROPOSAL || this == PROPOSAL_AND_DONE;
    }
  }

  public ParsedResponse {
    packages = List.copyOf(packages == null ? List.of() : packages);
    reasoning = reasoning == null ? "" : reasoning;
  }

  static ParsedResponse formatError(String reasoning, String error) {
    return new ParsedResponse(Kind.FORMAT_ERROR, reasoning, List.of(), null, null, error);
  }
}
