package dev.airlock.lakehouse;

import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * A branch or tag name, checked when it is made: Nessie's rule (which Bauplan's catalog follows)
 * and Git's ref-name rule. The catalog stores refs as files, so a name with {@code ..}, an empty or
 * dot-led part, a trailing {@code /} or {@code .lock} could name another ref's file (after {@code
 * x/y} exists, {@code x/../main} is {@code main}) or block one (a folder {@code a.lock} stops
 * branch {@code a} from ever being locked for an update); a valid name is matched exactly and names
 * one ref only.
 */
public record RefName(String value) {
  /** Nessie's rule: a letter, then letters, digits and {@code . / _ -}, never {@code ..}. */
  private static final Pattern NESSIE =
      Pattern.compile("[A-Za-z](((?![.][.])[A-Za-z0-9./_-])*[A-Za-z0-9._-])?");

  /** Declared after the pattern it is checked with. */
  public static final RefName MAIN = new RefName(Lakehouse.MAIN);

  public RefName {
    if (!isValid(value)) {
      throw invalid(value, "ref");
    }
  }

  /** The name {@code text}, or INVALID_REF naming it as a {@code what} (branch, tag). */
  public static RefName parse(String text, String what) {
    if (!isValid(text)) {
      throw invalid(text, what);
    }
    return new RefName(text);
  }

  static boolean isValid(String name) {
    return name != null
        && NESSIE.matcher(name).matches()
        && !name.equals(Constants.HEAD)
        && !name.equals("DETACHED")
        && !(name + "/").contains(".lock/")
        && !name.contains("/.")
        && Repository.isValidRefName(Constants.R_HEADS + name);
  }

  private static LakehouseException invalid(String name, String what) {
    return new LakehouseException(
        ErrorType.INVALID_REF,
        "Invalid "
            + what
            + " name '"
            + name
            + "': start with a letter, then letters, digits"
            + " and . / _ - (e.g. 'alice.wap_payments'); no '..', no trailing '.' or '/', and no"
            + " part between slashes that is empty, starts with '.' or ends in '.lock'.",
        Map.of("input_ref", String.valueOf(name)));
  }

  public boolean isMain() {
    return equals(MAIN);
  }

  /** The Git ref of the branch of this name. */
  String branchRef() {
    return Constants.R_HEADS + value;
  }

  /** The Git ref of the tag of this name. */
  String tagRef() {
    return Constants.R_TAGS + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
