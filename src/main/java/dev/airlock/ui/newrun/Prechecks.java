package dev.airlock.ui.newrun;

import dev.airlock.model.ChatModels;
import dev.airlock.model.ModelException;
import dev.airlock.model.ModelSpec;
import dev.airlock.model.Pricing;
import dev.airlock.model.Secrets;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunRequest.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the launcher would refuse about a request's files and model before the dialog closes, with
 * the launcher's words, so the problem shows beside its field rather than only on the run's entry.
 * Runs off the FX thread (it looks at the disk).
 */
final class Prechecks {
  private Prechecks() {}

  /**
   * @throws RunRequest.Invalid naming the field at fault
   */
  static void check(RunRequest request, Secrets secrets) {
    if (request.task() != null && !Files.isRegularFile(request.task())) {
      throw new RunRequest.Invalid(Field.TASK, request.task() + " is not a readable file");
    }
    Path raw = localPath(request.raw());
    if (raw != null && !Files.exists(raw)) {
      throw new RunRequest.Invalid(
          Field.RAW,
          request.raw()
              + ": no such file or folder ("
              + raw
              + "); give a folder of data files, a file, or an s3:// location");
    }
    try {
      // As the launcher makes it: a script file is read, a provider's key looked up (not sent).
      new ChatModels(secrets).create(ModelSpec.parse(request.model(), request.baseUrl()));
    } catch (ModelException e) {
      boolean url =
          e.getMessage().startsWith("The base URL") || e.getMessage().contains("base URL;");
      throw new RunRequest.Invalid(url ? Field.BASE_URL : Field.MODEL, e.getMessage());
    }
    if (request.price() != null) {
      try {
        Pricing.parse(request.price());
      } catch (ModelException e) {
        throw new RunRequest.Invalid(Field.PRICE, e.getMessage());
      }
    }
  }

  /** As the launcher reads a raw location: a path or file:// URI; null for s3:// and others. */
  static Path localPath(String uri) {
    if (uri == null || (uri.contains("://") && !uri.startsWith("file:"))) {
      return null;
    }
    try {
      return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri).toAbsolutePath();
    } catch (IllegalArgumentException e) {
      throw new RunRequest.Invalid(Field.RAW, uri + " is not a usable location: " + e.getMessage());
    }
  }
}
