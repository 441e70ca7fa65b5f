package dev.airlock.lakehouse.gateway;

/** One protocol method: reads its parameters, calls the lakehouse, answers. */
@FunctionalInterface
interface GatewayMethod {
  Reply call(Params params, MethodContext context);
}
