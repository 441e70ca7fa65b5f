package dev.airlock.lakehouse;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * The catalog is Airlock's own repository, so the machine's system-wide git configuration has no
 * say in it. JGit finds that configuration by starting {@code git --version} and {@code git config
 * --system} on every process's first repository (two program starts on every {@code lakehouse}
 * command); Airlock reads none of it, as {@code GIT_CONFIG_NOSYSTEM} would.
 */
final class CatalogGitConfig extends SystemReader.Delegate {
  private static boolean installed;

  private CatalogGitConfig(SystemReader delegate) {
    super(delegate);
  }

  /** Installs the reader once per process, before the first repository opens. */
  static synchronized void install() {
    if (!installed) {
      SystemReader.setInstance(new CatalogGitConfig(SystemReader.getInstance()));
      installed = true;
    }
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, null, fs) {
      @Override
      public void load() {
        // No system configuration: nothing to read.
      }

      @Override
      public boolean isOutdated() {
        return false;
      }
    };
  }
}
