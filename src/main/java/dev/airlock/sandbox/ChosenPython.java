package dev.airlock.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An interpreter or virtual environment the person chose to run the agent's code with (for one that
 * has pyarrow, pandas, polars or duckdb), and what the sandbox must bind, read-only, so the code
 * runs with it.
 *
 * <p>A virtual environment's {@code bin/python} is a symlink to a base interpreter and finds its
 * packages through {@code pyvenv.cfg} beside {@code bin/}: the interpreter, {@code pyvenv.cfg} and
 * the environment's {@code lib} folders are bound under {@link #VENV_IN_SANDBOX} (Python finds
 * {@code pyvenv.cfg} from where it is started, so they work under any path) and the base
 * interpreter and its {@code lib} folders at their own paths unless they are under /usr, which the
 * sandbox already sees. An interpreter outside /usr that is no virtual environment has the same
 * bound at their own paths. Nothing else of a prefix is bound (see {@link #applyTo}).
 *
 * @param executable the interpreter as the person named it, absolute
 * @param prefix its {@code sys.prefix} (the virtual environment's folder, if it is one)
 * @param basePrefix its {@code sys.base_prefix} (the installation it was made from)
 * @param version {@code major.minor.micro}
 */
public record ChosenPython(Path executable, Path prefix, Path basePrefix, String version) {
  /** Where a chosen virtual environment appears inside the sandbox. */
  public static final String VENV_IN_SANDBOX = "/opt/airlock/venv";

  private static final String REPORT =
      "import sys; print(sys.prefix); print(sys.base_prefix);"
          + " print('%d.%d.%d' % sys.version_info[:3])";

  /** A chosen interpreter that cannot be used, with what to do instead. */
  public static final class UnusableException extends Exception {
    UnusableException(String message) {
      super(message);
    }
  }

  /**
   * Checks that {@code path} is an executable Python 3 by starting it once on the host (the person
   * chose it; the agent's code never runs outside the sandbox) and asks it for its prefixes.
   */
  public static ChosenPython inspect(Path path) throws UnusableException {
    Path executable = path.toAbsolutePath().normalize();
    if (Files.isDirectory(executable) && Files.isExecutable(executable.resolve("bin/python"))) {
      throw new UnusableException(
          "the Python interpreter "
              + path
              + " is a folder: give its interpreter, "
              + executable.resolve("bin/python"));
    }
    if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
      throw new UnusableException(
          "the Python interpreter "
              + path
              + ": no executable file there. Give a Python interpreter or a virtual"
              + " environment's bin/python (python3 -m venv /opt/airlock-py &&"
              + " /opt/airlock-py/bin/pip install pyarrow pandas).");
    }
    List<String> lines = report(executable, path);
    ChosenPython chosen =
        new ChosenPython(executable, Path.of(lines.get(0)), Path.of(lines.get(1)), lines.get(2));
    if (!executable.startsWith(chosen.prefix())
        && !chosen.isVirtualEnvironment()
        && !executable.startsWith("/usr/")) {
      throw new UnusableException(
          "the Python interpreter "
              + path
              + " is outside its own installation ("
              + chosen.prefix()
              + "): give the interpreter inside it, e.g. "
              + chosen.prefix().resolve("bin/python3"));
    }
    if (chosen.isVirtualEnvironment() && !executable.startsWith(chosen.prefix())) {
      throw new UnusableException(
          "the Python interpreter "
              + path
              + " starts the virtual environment "
              + chosen.prefix()
              + " from outside it: give "
              + chosen.prefix().resolve("bin/python"));
    }
    return chosen;
  }

  private static List<String> report(Path executable, Path named) throws UnusableException {
    String output;
    int exit;
    try {
      Process process =
          new ProcessBuilder(executable.toString(), "-I", "-c", REPORT)
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new UnusableException(
            "the Python interpreter "
                + named
                + " did not answer within 30 seconds: is it a Python interpreter?");
      }
      exit = process.exitValue();
    } catch (IOException e) {
      throw new UnusableException(
          "the Python interpreter "
              + named
              + " cannot be started ("
              + e.getMessage()
              + "): give a Python 3"
              + " interpreter or a virtual environment's bin/python.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnusableException("interrupted while checking the Python interpreter " + named);
    }
    List<String> lines = output.strip().lines().toList();
    if (exit != 0
        || lines.size() != 3
        || !lines.get(0).startsWith("/")
        || !lines.get(1).startsWith("/")
        || !lines.get(2).startsWith("3.")) {
      String said = output.strip().lines().findFirst().orElse("no output");
      said = said.length() > 100 ? said.substring(0, 100) + "..." : said;
      throw new UnusableException(
          "the Python interpreter "
              + named
              + " is not a Python 3 interpreter (it said: "
              + said
              + "): give a Python 3 interpreter or a virtual environment's bin/python.");
    }
    return lines;
  }

  public boolean isVirtualEnvironment() {
    return !prefix.equals(basePrefix);
  }

  /**
   * Makes {@code config} run this interpreter: binds, read-only, what it needs of its folders and
   * sets its path as the sandbox sees it. Throws, leaving {@code config} unchanged, when a folder
   * it needs cannot be bound (it lies under a sandbox system path).
   *
   * <p>Only the interpreter, {@code pyvenv.cfg} and the {@code lib} folders are bound, never a
   * whole prefix: a virtual environment made in a project folder ({@code python -m venv .}) sits
   * beside the project's {@code .env}, and a Python installed with {@code --prefix=$HOME/.local}
   * has {@code share/airlock} (the lakehouse and the transcripts) under its prefix.
   */
  public void applyTo(LocalSandboxConfig.Builder config) throws UnusableException {
    List<BindMount> binds = new ArrayList<>();
    Path python = executable;
    if (isVirtualEnvironment()) {
      // Python finds pyvenv.cfg beside the folder of the path it is started as, links unresolved;
      // bubblewrap binds what the executable's link points to.
      python = Path.of(VENV_IN_SANDBOX).resolve(prefix.relativize(executable));
      binds.add(bind(executable, python.toString()));
      binds.add(bind(prefix.resolve("pyvenv.cfg"), VENV_IN_SANDBOX + "/pyvenv.cfg"));
      addLibraries(binds, prefix, VENV_IN_SANDBOX);
    } else if (!prefix.startsWith("/usr")) {
      binds.add(bind(executable, executable.toString()));
    }
    Path installation = isVirtualEnvironment() ? basePrefix : prefix;
    if (!installation.startsWith("/usr")) {
      Path real = realFile(executable);
      if (isVirtualEnvironment() && !real.startsWith("/usr/")) {
        binds.add(bind(real, real.toString()));
      }
      addLibraries(binds, installation, installation.toString());
    }
    binds.forEach(config::bind);
    config.python(python);
  }

  /** {@code lib} and {@code lib64} of {@code folder} (where they exist) under {@code target}. */
  private void addLibraries(List<BindMount> binds, Path folder, String target)
      throws UnusableException {
    for (String lib : List.of("lib", "lib64")) {
      if (Files.isDirectory(folder.resolve(lib))) {
        binds.add(bind(folder.resolve(lib), target + "/" + lib));
      }
    }
  }

  private Path realFile(Path file) throws UnusableException {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      throw new UnusableException(
          "the Python interpreter "
              + file
              + " cannot be resolved ("
              + e.getMessage()
              + "): give a Python 3 interpreter or a virtual environment's bin/python.");
    }
  }

  private BindMount bind(Path source, String target) throws UnusableException {
    try {
      return BindMount.readOnly(source, target);
    } catch (IllegalArgumentException e) {
      throw new UnusableException(
          "the Python interpreter "
              + executable
              + " needs "
              + source
              + " inside the sandbox, which cannot be bound there ("
              + e.getMessage()
              + "). Install that Python elsewhere, e.g. under /opt, or make a virtual environment"
              + " from it.");
    }
  }
}
