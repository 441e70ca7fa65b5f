package dev.airlock.sandbox;

/**
 * The containment tests again, with every execution starting its own sandbox (no spare), the way
 * the first execution after a cancel or a changed environment runs.
 */
class ColdStartContainmentTest extends LocalSandboxContainmentTest {

  @Override
  LocalSandbox open(LocalSandboxConfig config) throws SandboxUnavailableException {
    SandboxProbe probe = TestSandboxes.probe();
    return new LocalSandbox(
        config, workspace, null, probe.bubblewrapVersion(), probe.pythonVersion());
  }
}
