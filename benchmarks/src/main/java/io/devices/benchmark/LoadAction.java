package io.devices.benchmark;

/** The actions of the load mix, with their share of the requests and their success status. */
enum LoadAction {
  get("Get", 70, 200),
  post("Post", 20, 201),
  command("Send Command", 10, 200);

  final String label;
  final int percent;
  final int success;

  LoadAction(String label, int percent, int success) {
    this.label = label;
    this.percent = percent;
    this.success = success;
  }

  /** The action for a uniform draw in [0, 100). */
  static LoadAction forDraw(int draw) {
    return draw < get.percent ? get : draw < get.percent + post.percent ? post : command;
  }
}
