package dev.airlock.sandbox;

import java.util.List;

/**
 * The few lines of Python that run before the user's code (passed with {@code -c}; the code itself
 * arrives on stdin, so it never lands in the workspace and has no size limit).
 *
 * <p>Why each line: {@code -I} ignores PYTHONPATH, so the bootstrap puts its entries on sys.path
 * itself (the client module bound read-only is found this way); {@code AIRLOCK_FALLBACK_PATH}'s
 * entries go last, after site-packages, so a stand-in there is used only when the interpreter has
 * no real package of that name. As PID 1 of its namespace python ignores SIGXCPU unless it handles
 * it, so the handler turns the CPU limit into a clear message and exit code 152. The code is handed
 * to linecache (when something first imports it; importing it up front costs a third of python's
 * start-up) so tracebacks show its lines, and the bootstrap's own frame is cut from tracebacks.
 * {@code _signal} avoids the enum import of {@code signal}.
 *
 * <p>The limits are set here, before any of the user's code runs, instead of by a {@code prlimit}
 * program start: memory, file size and open files at once (from argv), then it writes {@link #MARK}
 * on stderr and waits for its header line with the CPU seconds (from the execution's timeout) and
 * the process limit, then for the code. Soft and hard limits are set alike, never above a hard
 * limit already in place. Nothing in the sandbox holds CAP_SYS_RESOURCE in the host's user
 * namespace, so the code cannot raise a hard limit again. A process waiting for its header is a
 * spare: see {@link PythonSandboxBase}.
 */
final class PythonBootstrap {
  /** Exit code the bootstrap uses when the CPU time limit is reached (128 + SIGXCPU). */
  static final int CPU_LIMIT_EXIT = 152;

  /** Folders appended to sys.path, after the interpreter's own packages (stand-ins live there). */
  static final String FALLBACK_PATH = "AIRLOCK_FALLBACK_PATH";

  static final String SCRIPT =
      String.join(
          "\n",
          "import sys as _s, os as _o, _signal as _g, resource as _r",
          "def _limit(_k, _soft, _hard=None, _r=_r):",
          "    _hard = _soft if _hard is None else _hard",
          "    _cur = _r.getrlimit(_k)[1]",
          "    if _cur != _r.RLIM_INFINITY:",
          "        _hard = min(_hard, _cur)",
          "    _r.setrlimit(_k, (min(_soft, _hard), _hard))",
          "_limit(_r.RLIMIT_AS, int(_s.argv[1]))",
          "_limit(_r.RLIMIT_FSIZE, int(_s.argv[2]))",
          "_limit(_r.RLIMIT_NOFILE, int(_s.argv[3]))",
          "_limit(_r.RLIMIT_CORE, 0)",
          "def _xcpu(*_a, _w=_o.write, _x=_o._exit):",
          "    _w(2, b'\\nkilled: CPU time limit exceeded\\n')",
          "    _x(" + CPU_LIMIT_EXIT + ")",
          "_g.signal(_g.SIGXCPU, _xcpu)",
          "_s.path[0:0] = [_p for _p in _o.environ.get('PYTHONPATH', '').split(':') if _p]",
          "_s.path += [_p for _p in _o.environ.get('" + FALLBACK_PATH + "', '').split(':') if _p]",
          "_o.write(2, b'\\0')",
          "_i = _s.stdin.buffer",
          "_h = _i.readline().split()",
          "_limit(_r.RLIMIT_CPU, int(_h[0]), int(_h[0]) + 1)",
          "_limit(_r.RLIMIT_NPROC, int(_h[1]))",
          "_c = _i.read().decode('utf-8', 'replace')",
          "_o.write(2, b'\\0')",
          "_s.stdin = open(_o.devnull)",
          "_s.argv = ['<cell>']",
          "def _lines(m, _c=_c):",
          "    m.cache['<cell>'] = (len(_c), None, _c.splitlines(True), '<cell>')",
          "class _LinecacheHook:",
          "    @staticmethod",
          "    def find_spec(name, path=None, target=None, _s=_s):",
          "        if name != 'linecache':",
          "            return None",
          "        _s.meta_path.remove(_LinecacheHook)",
          "        for finder in _s.meta_path:",
          "            spec = finder.find_spec(name, path, target)",
          "            if spec is not None:",
          "                run = spec.loader.exec_module",
          "                spec.loader.exec_module = lambda m: (run(m), _lines(m))",
          "                return spec",
          "if 'linecache' in _s.modules:",
          "    _lines(_s.modules['linecache'])",
          "else:",
          "    _s.meta_path.insert(0, _LinecacheHook)",
          "del _s, _o, _g, _r, _i, _h, _limit, _xcpu",
          "try:",
          "    exec(compile(_c, '<cell>', 'exec'))",
          "except SystemExit:",
          "    raise",
          "except BaseException as _e:",
          "    import traceback as _t",
          "    _t.print_exception(type(_e), _e,"
              + " None if isinstance(_e, SyntaxError) else _e.__traceback__.tb_next)",
          "    raise SystemExit(1)",
          "");

  private PythonBootstrap() {}

  /**
   * The byte the bootstrap writes on stderr once its limits hold and it waits for its header, and
   * again once it read its code (see {@link SandboxProcess#neverTookCode()}).
   */
  static final int MARK = 0;

  /**
   * The interpreter's argv: isolated mode, no bytecode files, unbuffered output, and the limits
   * that hold from the start (memory, file size, open files; no core files).
   */
  static List<String> command(String python, LocalSandboxConfig config) {
    return List.of(
        python,
        "-I",
        "-B",
        "-u",
        "-c",
        SCRIPT,
        Long.toString(config.memoryBytes()),
        Long.toString(config.fileSizeBytes()),
        Integer.toString(config.openFiles()));
  }

  /**
   * The first line on stdin, before the code: the limits that depend on the execution. CPU seconds
   * (soft; the hard limit, SIGKILL, is a second later) and the process limit.
   */
  static String header(long cpuSeconds, long processLimit) {
    return cpuSeconds + " " + processLimit + "\n";
  }
}
