package dev.airlock.ui.newrun;

import dev.airlock.model.DotEnv;
import dev.airlock.model.ModelException;
import dev.airlock.model.ModelSpec;
import dev.airlock.model.Provider;
import dev.airlock.model.Secrets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether the key a model needs is there, said by the variable's name only: the value is read to
 * tell "set" from "not set" and goes no further. Reads {@code .env}: off the FX thread.
 *
 * @param ok the model can be reached as far as keys go (a key is set, or none is needed)
 */
record KeyStatus(String text, boolean ok) {

  /** The key status of {@code model} with the environment {@code env} and {@code dotEnv}. */
  static KeyStatus of(String model, String baseUrl, Map<String, String> env, Path dotEnv) {
    ModelSpec spec;
    try {
      spec = ModelSpec.parse(model, baseUrl);
    } catch (ModelException e) {
      return new KeyStatus("", false); // the model field shows its own problem
    }
    Provider provider = spec.provider();
    if (provider == Provider.DEMO) {
      return new KeyStatus("the packaged demo model: offline, no key needed", true);
    }
    if (provider == Provider.SCRIPTED) {
      return new KeyStatus("scripted answers from a file: offline, no key needed", true);
    }
    String variable = provider.keyVariable();
    Map<String, String> fromFile;
    try {
      fromFile = DotEnv.load(dotEnv);
    } catch (ModelException e) {
      fromFile = Map.of();
    }
    boolean set = new Secrets(env, fromFile, dotEnv).get(variable).isPresent();
    if (set) {
      return new KeyStatus(variable + " is set", true);
    }
    if (!provider.keyRequired()) {
      return new KeyStatus(variable + " is not set: the server is asked without a key", true);
    }
    return new KeyStatus(variable + " is not set: export it or put it in " + dotEnv, false);
  }
}
