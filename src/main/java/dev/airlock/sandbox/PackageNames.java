package dev.airlock.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From the package names a model asks for (pip names, maybe with versions or extras) to the module
 * names Python imports, and the small script that checks which of them the sandbox can import.
 */
final class PackageNames {
  private static final Map<String, String> IMPORT_NAMES =
      Map.ofEntries(
          Map.entry("scikit-learn", "sklearn"),
          Map.entry("sklearn", "sklearn"),
          Map.entry("pyyaml", "yaml"),
          Map.entry("beautifulsoup4", "bs4"),
          Map.entry("python-dateutil", "dateutil"),
          Map.entry("pillow", "PIL"),
          Map.entry("opencv-python", "cv2"),
          Map.entry("opencv-python-headless", "cv2"),
          Map.entry("scikit-image", "skimage"),
          Map.entry("python-docx", "docx"),
          Map.entry("psycopg2-binary", "psycopg2"),
          Map.entry("protobuf", "google.protobuf"),
          Map.entry("attrs", "attr"));

  /** Modules that are not packages to import (e.g. pip itself names, the standard "python"). */
  private static final Set<String> IGNORED = Set.of("python", "python3", "pip");

  private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
  private static final Pattern MODULE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private PackageNames() {}

  /** The module to import for {@code requirement}, or null when it names no importable module. */
  static String importName(String requirement) {
    Matcher m = NAME.matcher(requirement == null ? "" : requirement);
    if (!m.find()) {
      return null;
    }
    String pip = m.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
    if (IGNORED.contains(pip)) {
      return null;
    }
    String module = IMPORT_NAMES.getOrDefault(pip, m.group(1).replace('-', '_'));
    return MODULE.matcher(module).matches() ? module : null;
  }

  /**
   * A script printing, one a line, the modules among {@code modules} that cannot be found. A module
   * found only among the stand-ins (the {@link PythonBootstrap#FALLBACK_PATH} folders) counts as
   * missing: asking for pyarrow is asking for the real one.
   */
  static String checkScript(List<String> modules) {
    List<String> quoted = new ArrayList<>();
    modules.forEach(module -> quoted.add("'" + module + "'"));
    return String.join(
        "\n",
        "import importlib.util, os",
        "stand_ins = tuple(p.rstrip('/') + '/' for p in os.environ.get('"
            + PythonBootstrap.FALLBACK_PATH
            + "', '').split(':') if p)",
        "for name in [" + String.join(", ", quoted) + "]:",
        "    try:",
        "        spec = importlib.util.find_spec(name)",
        "        found = spec is not None and not (stand_ins and (spec.origin or '')"
            + ".startswith(stand_ins))",
        "    except Exception:",
        "        found = False",
        "    if not found:",
        "        print(name)",
        "");
  }
}
