package io.devices.core.auth;

import java.util.Set;

/**
 * Every action of the API with the scopes that allow it: the scope matrix. A token may perform an
 * action when it holds at least one of these scopes.
 */
public enum Action {
  APPLICATIONS_POST("all.User", "all.Organization", "applications.*", "applications.post"),
  APPLICATIONS_GET(
      "all.User",
      "all.User.read",
      "all.Organization",
      "all.Organization.read",
      "applications.*",
      "applications.get"),
  APPLICATION_GET(
      "all.User",
      "all.User.read",
      "all.Organization",
      "all.Organization.read",
      "applications.*",
      "applications.get",
      "all.Application",
      "all.Application.read",
      "application.*",
      "application.get"),
  TOKENS_POST(
      "all.Application",
      "all.Organization",
      "all.User",
      "applicationApiTokens.*",
      "applicationApiTokens.post"),
  TOKENS_GET(
      "all.Application",
      "all.Organization",
      "all.User",
      "all.Application.read",
      "all.Organization.read",
      "all.User.read",
      "applicationApiTokens.*",
      "applicationApiTokens.get"),
  TOKEN_GET(
      "all.Application",
      "all.Organization",
      "all.User",
      "all.Application.read",
      "all.Organization.read",
      "all.User.read",
      "applicationApiToken.*",
      "applicationApiToken.get"),
  TOKEN_PATCH(
      "all.Application",
      "all.Organization",
      "all.User",
      "applicationApiToken.*",
      "applicationApiToken.patch"),
  TOKEN_DELETE(
      "all.Application",
      "all.Organization",
      "all.User",
      "applicationApiToken.*",
      "applicationApiToken.delete"),
  DEVICES_EXPORT(
      "all.Application",
      "all.Application.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "devices.*",
      "devices.export"),
  DEVICES_GET(
      "all.Application",
      "all.Application.read",
      "all.Device",
      "all.Device.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "devices.*",
      "devices.get"),
  DEVICES_POST("all.Application", "all.Organization", "all.User", "devices.*", "devices.post"),
  DEVICES_SEND_COMMAND(
      "all.Application",
      "all.Device",
      "all.Organization",
      "all.User",
      "devices.*",
      "devices.sendCommand"),
  /**
   * Reading a sent command's progress (an extension of the Losant API): Send Command's scopes and
   * reads.
   */
  DEVICES_COMMAND_STATUS(
      "all.Application",
      "all.Application.read",
      "all.Device",
      "all.Device.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "devices.*",
      "devices.sendCommand"),
  /** Fleet metadata: the tag keys, tag values, attribute names and device names. */
  DEVICES_TAG_KEYS(
      "all.Application",
      "all.Application.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "devices.*",
      "devices.tagKeys"),
  DEVICES_TAG_VALUES(
      "all.Application",
      "all.Application.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "devices.*",
      "devices.tagValues"),
  DEVICES_ATTRIBUTE_NAMES(
      "all.Application",
      "all.Application.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "devices.*",
      "devices.attributeNames"),
  DEVICES_DEVICE_NAMES(
      "all.Application",
      "all.Application.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "devices.*",
      "devices.deviceNames"),
  /** One device (an application's device resource). */
  DEVICE_GET(
      "all.Application",
      "all.Application.read",
      "all.Device",
      "all.Device.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "device.*",
      "device.get"),
  DEVICE_GET_COMMAND(
      "all.Application",
      "all.Application.read",
      "all.Device",
      "all.Device.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "device.*",
      "device.getCommand"),
  DEVICE_PATCH("all.Application", "all.Organization", "all.User", "device.*", "device.patch"),
  DEVICE_DELETE("all.Application", "all.Organization", "all.User", "device.*", "device.delete"),
  DEVICE_SEND_COMMAND(
      "all.Application",
      "all.Device",
      "all.Organization",
      "all.User",
      "device.*",
      "device.sendCommand"),
  /** Bulk life-cycle changes: many devices at once, or as a job. */
  DEVICES_PATCH("all.Application", "all.Organization", "all.User", "devices.*", "devices.patch"),
  DEVICES_DELETE("all.Application", "all.Organization", "all.User", "devices.*", "devices.delete"),
  DEVICES_RESTORE(
      "all.Application", "all.Organization", "all.User", "devices.*", "devices.restore"),
  /**
   * Reading a bulk change's job (an extension of the Losant API): the scopes of the three bulk
   * actions and their reads. The job's own action narrows it: a token may read a job only when one
   * of its scopes allows that action or is the read form of one (checked with the job).
   */
  DEVICES_JOB_STATUS(
      "all.Application",
      "all.Application.read",
      "all.Organization",
      "all.Organization.read",
      "all.User",
      "all.User.read",
      "devices.*",
      "devices.patch",
      "devices.delete",
      "devices.restore");

  private final Set<String> allowingScopes;

  Action(String... allowingScopes) {
    this.allowingScopes = Set.of(allowingScopes);
  }

  public Set<String> allowingScopes() {
    return allowingScopes;
  }

  public boolean isAllowedBy(Set<String> scopes) {
    return scopes.stream().anyMatch(allowingScopes::contains);
  }
}
