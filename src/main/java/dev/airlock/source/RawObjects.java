package dev.airlock.source;

import java.util.List;

/**
 * What a raw-data location holds, listed before anything is read: the objects (at most the number
 * asked for), how many there are and their total size.
 *
 * @param truncated there are more objects than listed; {@code count} and {@code bytes} cover only
 *     those listed
 */
public record RawObjects(List<RawObject> objects, int count, long bytes, boolean truncated) {
  public RawObjects {
    objects = List.copyOf(objects);
  }

  /** One object: its location and size in bytes. */
  public record RawObject(String uri, long size) {}
}
