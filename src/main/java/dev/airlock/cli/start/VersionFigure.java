package dev.airlock.cli.start;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code airlock --version} as a user runs it (the launcher, its flags, the whole process) against
 * a Java hello-world compiled at bench time and run with default flags on its own folder.
 */
public final class VersionFigure implements Figure {

  @Override
  public String area() {
    return "start";
  }

  @Override
  public String name() {
    return "`airlock --version`, whole process";
  }

  @Override
  public String baseline() {
    return "Java hello-world (`java -cp DIR Hello`)";
  }

  @Override
  public double target() {
    return 3.0;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    Path programs = StartData.programs(context);
    List<String> ours = Processes.with(context.airlockCommand(), "--version");
    List<String> hello =
        List.of(
            Processes.java(context.airlockCommand()), "-cp", programs.toString(), Baselines.HELLO);
    return new Pair() {
      @Override
      public long ours() throws Exception {
        return Processes.time(ours);
      }

      @Override
      public long baseline() throws Exception {
        return Processes.time(hello);
      }
    };
  }
}
