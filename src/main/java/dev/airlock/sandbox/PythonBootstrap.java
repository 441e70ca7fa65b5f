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
 */
final class PythonBootstrap {
  /** Exit code the bootstrap uses when the CPU time limit is reached (128 + SIGXCPU). */
  static final int CPU_LIMIT_EXIT = 152;

  /** Folders appended to sys.path, after the interpreter's own packages (stand-ins live there). */
  static final String FALLBACK_PATH = "AIRLOCK_FALLBACK_PATH";

  static final String SCRIPT =
      String.join(
          "\n",
          "import sys as _s, os as _o, _signal as _g",
          "def _xcpu(*_a, _w=_o.write, _x=_o._exit):",
          "    _w(2, b'\\nkilled: CPU time limit exceeded\\n')",
          "    _x(" + CPU_LIMIT_EXIT + ")",
          "_g.signal(_g.SIGXCPU, _xcpu)",
          "_s.path[0:0] = [_p for _p in _o.environ.get('PYTHONPATH', '').split(':') if _p]",
          "_s.path += [_p for _p in _o.environ.get('" + FALLBACK_PATH + "', '').split(':') if _p]",
          "_c = _s.stdin.buffer.read().decode('utf-8', 'replace')",
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
          "del _s, _o, _g, _xcpu",
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

  /** The interpreter's argv: isolated mode, no bytecode files, unbuffered output. */
  static List<String> command(String python) {
    return List.of(python, "-I", "-B", "-u", "-c", SCRIPT);
  }
}
