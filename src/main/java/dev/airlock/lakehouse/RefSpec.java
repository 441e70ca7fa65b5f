package dev.airlock.lakehouse;

import java.util.Map;

/**
 * A ref argument as Bauplan spells it, parsed once where it enters the lakehouse: a branch or tag
 * {@code name}, {@code name@hash} (pinned: read-only) or {@code @hash} (a detached commit). {@code
 * name} is null only for {@code @hash}, {@code hash} null unless pinned. Anything else is
 * INVALID_REF, so the catalog only ever looks up {@link RefName}s and {@link CommitHash}es.
 */
public record RefSpec(RefName name, CommitHash hash) {

  public RefSpec {
    if (name == null && hash == null) {
      throw new IllegalArgumentException("a ref names a branch or tag, a commit, or both");
    }
  }

  /** Parses {@code name}, {@code name@hash} or {@code @hash}; INVALID_REF for anything else. */
  public static RefSpec parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new LakehouseException(
          ErrorType.INVALID_REF,
          "No ref given: name a branch, a tag, name@hash or @hash.",
          Map.of("input_ref", ""));
    }
    int at = text.indexOf('@');
    String name = at < 0 ? text : text.substring(0, at);
    String hash = at < 0 ? null : text.substring(at + 1);
    if (!name.isEmpty() && !RefName.isValid(name) || hash != null && !CommitHash.isValid(hash)) {
      throw new LakehouseException(
          ErrorType.INVALID_REF,
          "Invalid ref '"
              + text
              + "': name a"
              + " branch or tag (a letter, then letters, digits and . / _ -, with no '..', no empty"
              + " or dot-led part between slashes), or name@hash or @hash with a commit's hex hash;"
              + " list branches with `airlock lakehouse branches`.",
          Map.of("input_ref", text));
    }
    return new RefSpec(
        name.isEmpty() ? null : new RefName(name), hash == null ? null : new CommitHash(hash));
  }

  /** Whether this names a fixed commit ({@code name@hash} or {@code @hash}). */
  public boolean pinned() {
    return hash != null;
  }

  /**
   * The branch this names, for an argument that must be a branch: a pinned ref fails with {@code
   * notBranch} (whether the name is a branch at all is the catalog's to say).
   */
  RefName unpinned(ErrorType notBranch) {
    if (pinned()) {
      throw new LakehouseException(
          notBranch,
          "'" + this + "' is a pinned ref, not a branch: name the branch alone.",
          Map.of("input_ref", toString()));
    }
    return name;
  }

  @Override
  public String toString() {
    return pinned() ? (name == null ? "" : name.value()) + "@" + hash.hex() : name.value();
  }
}
