package io.devices.benchmark.floor;

/** A status, the body's bytes and, for a create, the Location. */
record FloorAnswer(int status, byte[] body, String location) {
  static FloorAnswer of(FloorServer.Refusal refusal) {
    return new FloorAnswer(refusal.status(), FloorServer.error(refusal), null);
  }
}
