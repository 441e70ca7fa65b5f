package dev.airlock.lakehouse.gateway;

import dev.airlock.lakehouse.ErrorType;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.Ref;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A tiny in-memory stand-in for protocol tests that need no data: one branch {@code main}; {@code
 * branch("slow")} blocks until {@link #release} opens, so tests can hold a connection busy.
 */
final class StubLakehouse {
  final CountDownLatch release = new CountDownLatch(1);

  Lakehouse create() {
    return (Lakehouse)
        Proxy.newProxyInstance(
            Lakehouse.class.getClassLoader(),
            new Class<?>[] {Lakehouse.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "branches" -> List.of(Ref.branch("main", "abc123"));
                  case "branch" -> branch((String) args[0]);
                  case "close" -> null;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private Ref branch(String name) throws InterruptedException {
    if (name.equals("slow")) {
      release.await();
    }
    if (!name.equals("main") && !name.equals("slow")) {
      throw new LakehouseException(
          ErrorType.BRANCH_NOT_FOUND,
          "Branch '" + name + "' not found",
          Map.of("branch_name", name));
    }
    return Ref.branch(name, "abc123");
  }
}
