package dev.airlock.lakehouse;

/**
 * A named pointer to a catalog commit: a branch, a tag, or a detached commit ({@code name} empty).
 * {@code toString()} is Bauplan's pinned form {@code name@hash}.
 */
public record Ref(String name, String hash, Type type) {

  /** What kind of ref this is, as Bauplan's {@code RefType}. */
  public enum Type {
    BRANCH,
    TAG,
    DETACHED
  }

  public static Ref branch(String name, String hash) {
    return new Ref(name, hash, Type.BRANCH);
  }

  public static Ref tag(String name, String hash) {
    return new Ref(name, hash, Type.TAG);
  }

  public static Ref detached(String hash) {
    return new Ref("", hash, Type.DETACHED);
  }

  @Override
  public String toString() {
    return name + "@" + hash;
  }
}
