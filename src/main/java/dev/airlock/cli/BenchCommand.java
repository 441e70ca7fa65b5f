package dev.airlock.cli;

import dev.airlock.bench.Bench;
import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import dev.airlock.cli.start.ImportProcessFigure;
import dev.airlock.cli.start.QueryProcessFigure;
import dev.airlock.cli.start.VersionFigure;
import dev.airlock.lakehouse.BranchFigure;
import dev.airlock.lakehouse.ImportFigure;
import dev.airlock.lakehouse.QueryFigure;
import dev.airlock.sandbox.LocalSandboxConfig;
import dev.airlock.sandbox.SandboxFigure;
import dev.airlock.session.EngineFigure;
import dev.airlock.verify.AuditFigure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code airlock bench}: every speed figure paired against its baseline in the same run, with the
 * median, min and max of the per-pair ratios and a verdict against each target.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Time Airlock against fair baselines in the same run (paired, alternating order) and print"
            + " each figure's ratio, its spread and a verdict against its target.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Fewer repetitions and smaller data (a first look).")
  boolean quick;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "AREA",
      description = "Only these areas: engine, query, import, start, sandbox, audit.")
  Set<String> only = Set.of();

  @Option(
      names = "--pairs",
      defaultValue = "15",
      description = "Timed pairs per figure (default ${DEFAULT-VALUE}; a third with --quick).")
  int pairs;

  /** Every figure, in the order the table shows them ({@code quick}: the smaller data sets). */
  static List<Figure> figures(boolean quick) {
    List<Figure> figures = new ArrayList<>();
    figures.add(new EngineFigure());
    figures.addAll(QueryFigure.all(quick));
    figures.add(new ImportFigure());
    figures.add(BranchFigure.of(quick));
    figures.add(new VersionFigure());
    figures.add(new QueryProcessFigure());
    figures.add(new ImportProcessFigure());
    figures.add(SandboxFigure.warm());
    figures.add(SandboxFigure.cold());
    figures.add(new AuditFigure());
    return figures;
  }

  @Override
  public Integer call() throws Exception {
    List<Figure> chosen =
        figures(quick).stream().filter(f -> only.isEmpty() || only.contains(f.area())).toList();
    if (chosen.isEmpty()) {
      System.err.println(
          "airlock bench: --only "
              + String.join(",", only)
              + " names no area; the areas are "
              + String.join(", ", figures(quick).stream().map(Figure::area).distinct().toList())
              + ".");
      return ExitCodes.USAGE;
    }
    Path work = Files.createTempDirectory("airlock-bench");
    try {
      BenchContext context =
          new BenchContext(quick, work, LocalSandboxConfig.defaults().python(), airlockCommand());
      System.out.printf(
          Locale.ROOT,
          "airlock bench%s: %d figure(s), %d cores, java %s; ratios are Airlock / baseline%n",
          quick ? " --quick" : "",
          chosen.size(),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      List<Bench.Outcome> outcomes = new Bench(context, System.out).run(chosen, pairs);
      System.out.println();
      System.out.print(Bench.table(outcomes));
      long unmet = outcomes.stream().filter(o -> !o.met()).count();
      System.out.println(
          unmet == 0
              ? "every target met"
              : unmet + " of " + outcomes.size() + " target(s) not met");
      return ExitCodes.OK;
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * How a user starts Airlock: the launcher script this process came from (it sets
   * airlock.launcher), else {@code java -jar} on this jar, else this classpath.
   */
  static List<String> airlockCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String launcher = System.getProperty("airlock.launcher");
    if (launcher != null && Files.isExecutable(Path.of(launcher))) {
      return List.of(launcher);
    }
    String classpath = System.getProperty("java.class.path");
    if (classpath.endsWith(".jar") && !classpath.contains(File.pathSeparator)) {
      return List.of(java, "-jar", classpath);
    }
    return List.of(java, "-cp", classpath, Main.class.getName());
  }
}
