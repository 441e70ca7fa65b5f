package dev.airlock.report;

import dev.airlock.model.DotEnv;
import dev.airlock.model.ModelException;
import dev.airlock.transcript.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Writing a report to disk, and the secrets a report is redacted against. */
public final class ReportFiles {
  private ReportFiles() {}

  /**
   * Writes {@code text} to {@code target} whole or not at all: into a temporary file beside it,
   * then moved over it, so a reader (or a crash) never sees half a report. Never over a transcript
   * ({@link ReportTarget#check}); through a link, to the file it names; never over a device, a pipe
   * or a socket.
   *
   * @throws ReportTarget.Refused when {@code target} is, or is named as, a transcript
   * @throws IOException when the folder does not exist or cannot be written
   */
  public static void write(Path target, String text) throws IOException {
    ReportTarget.check(target);
    Path file = target.toAbsolutePath();
    if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
      // A device (/dev/null), a pipe or a socket, or a link to one (/dev/stdout): moving a report
      // over it would replace it for everyone who uses it, and writing into a pipe waits for a
      // reader.
      throw new IOException(file + " is a device, a pipe or a socket, not a file");
    }
    if (Files.isSymbolicLink(file) && Files.exists(file)) {
      // The file the link names is replaced, the link kept (replacing /dev/stdout, a link, would
      // take it from every process that shares /dev).
      file = file.toRealPath();
      ReportTarget.check(file);
    }
    Path folder = file.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new IOException("the folder " + folder + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a folder");
    }
    // Created as any new file is (umask, not createTempFile's owner-only mode): a report is shared.
    Path temp = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * The secrets of this environment, as a run would redact them: variables named like keys (*KEY*,
   * *TOKEN*, *SECRET*, *PASSWORD*) from {@code environment} and {@code workingDir/.env}. An
   * unreadable .env adds nothing.
   */
  public static Redactor redactor(Map<String, String> environment, Path workingDir) {
    Map<String, String> all = new HashMap<>(environment);
    try {
      all.putAll(DotEnv.load(workingDir.resolve(".env")));
    } catch (ModelException e) {
      // A .env that cannot be read holds no secret we could know of.
    }
    return Redactor.fromVariables(all);
  }
}
