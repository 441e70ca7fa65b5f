package dev.airlock.ui.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the airlock launcher starts Java, so that {@code bench-console} times the windows the way a
 * user's console starts: with the launcher's class-data-sharing archive when it uses one (the
 * launcher says so in the system property {@value #IN_USE}), or one it makes at the first console
 * start ({@value #PENDING}), or without. The bare window gets the same flags as the console.
 */
record ClassSharing(Path archive, boolean inUse) {
  static final String IN_USE = "airlock.cds.archive";
  static final String PENDING = "airlock.cds.pending";

  /** The JVM's own logging of a stale archive would be noise in the user's terminal. */
  private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

  /** What the launcher that started this JVM does, or no sharing when not started by it. */
  static ClassSharing ofLauncher() {
    String inUse = System.getProperty(IN_USE);
    if (inUse != null && !inUse.isBlank()) {
      return new ClassSharing(Path.of(inUse), true);
    }
    String pending = System.getProperty(PENDING);
    if (pending != null && !pending.isBlank()) {
      return new ClassSharing(Path.of(pending), false);
    }
    return new ClassSharing(null, false);
  }

  /** Whether the launcher would make an archive at the first console start (none yet). */
  boolean pending() {
    return archive != null && !inUse;
  }

  /** The flags a start gets: the archive's when there is one, none otherwise. */
  List<String> flags() {
    List<String> flags = new ArrayList<>();
    if (archive != null && inUse) {
      flags.add("-XX:SharedArchiveFile=" + archive);
      flags.addAll(QUIET);
    }
    return flags;
  }

  /** Says which mode the start times are measured in. */
  String describe() {
    if (archive != null && inUse) {
      return "mode: class data sharing with the launcher's archive "
          + archive
          + ", as the airlock launcher starts the console (same flags for both windows)";
    }
    return "mode: no class data sharing (not started by the airlock launcher, or AIRLOCK_NO_CDS"
        + " set); same flags for both windows";
  }

  /** The flags that make a start write the archive to {@code file} when it exits. */
  static List<String> makeFlags(Path file) {
    List<String> flags = new ArrayList<>();
    flags.add("-XX:ArchiveClassesAtExit=" + file);
    flags.addAll(QUIET);
    return flags;
  }
}
