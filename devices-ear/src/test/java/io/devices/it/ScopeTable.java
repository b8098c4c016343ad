package io.devices.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scope tables of docs/api.md, copied here by hand so that the tests check the server against
 * the contract and not against the server's own table ({@code Action}).
 */
final class ScopeTable {
  private ScopeTable() {}

  /** The 38 known scopes, in the order of docs/api.md. */
  static final List<String> KNOWN_SCOPES =
      List.of(
          "all.User",
          "all.User.read",
          "all.Organization",
          "all.Organization.read",
          "all.Application",
          "all.Application.read",
          "all.Device",
          "all.Device.read",
          "applications.*",
          "applications.get",
          "applications.post",
          "application.*",
          "application.get",
          "applicationApiTokens.*",
          "applicationApiTokens.get",
          "applicationApiTokens.post",
          "applicationApiToken.*",
          "applicationApiToken.get",
          "applicationApiToken.patch",
          "applicationApiToken.delete",
          "devices.*",
          "devices.get",
          "devices.post",
          "devices.export",
          "devices.sendCommand",
          "devices.tagKeys",
          "devices.tagValues",
          "devices.attributeNames",
          "devices.deviceNames",
          "devices.patch",
          "devices.delete",
          "devices.restore",
          "device.*",
          "device.get",
          "device.getCommand",
          "device.patch",
          "device.delete",
          "device.sendCommand");

  /** The Device scope table: one device's actions. */
  static final Set<String> DEVICE_GET =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Device",
          "all.Device.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "device.*",
          "device.get");

  static final Set<String> DEVICE_GET_COMMAND =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Device",
          "all.Device.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "device.*",
          "device.getCommand");

  static final Set<String> DEVICE_PATCH =
      Set.of("all.Application", "all.Organization", "all.User", "device.*", "device.patch");

  static final Set<String> DEVICE_DELETE =
      Set.of("all.Application", "all.Organization", "all.User", "device.*", "device.delete");

  static final Set<String> DEVICE_SEND_COMMAND =
      Set.of(
          "all.Application",
          "all.Device",
          "all.Organization",
          "all.User",
          "device.*",
          "device.sendCommand");

  /** The Devices scope table: the scopes, any one of which allows each action. */
  static final Set<String> DEVICES_EXPORT =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.export");

  static final Set<String> DEVICES_GET =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Device",
          "all.Device.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.get");

  static final Set<String> DEVICES_POST =
      Set.of("all.Application", "all.Organization", "all.User", "devices.*", "devices.post");

  static final Set<String> DEVICES_SEND_COMMAND =
      Set.of(
          "all.Application",
          "all.Device",
          "all.Organization",
          "all.User",
          "devices.*",
          "devices.sendCommand");

  /**
   * A sent command's progress (an extension of the Losant API): Send Command's scopes and the read
   * forms.
   */
  static final Set<String> DEVICES_COMMAND_STATUS =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Device",
          "all.Device.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.sendCommand");

  /** The fleet-metadata scope table. */
  static final Set<String> DEVICES_TAG_KEYS =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.tagKeys");

  static final Set<String> DEVICES_TAG_VALUES =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.tagValues");

  static final Set<String> DEVICES_ATTRIBUTE_NAMES =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.attributeNames");

  static final Set<String> DEVICES_DEVICE_NAMES =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.deviceNames");

  /** Applications. */
  static final Set<String> APPLICATIONS_POST =
      Set.of("all.User", "all.Organization", "applications.*", "applications.post");

  static final Set<String> APPLICATIONS_GET =
      Set.of(
          "all.User",
          "all.User.read",
          "all.Organization",
          "all.Organization.read",
          "applications.*",
          "applications.get");

  static final Set<String> APPLICATION_GET =
      Set.of(
          "all.User",
          "all.User.read",
          "all.Organization",
          "all.Organization.read",
          "applications.*",
          "applications.get",
          "all.Application",
          "all.Application.read",
          "application.*",
          "application.get");

  /** Application API tokens. */
  static final Set<String> TOKENS_POST =
      Set.of(
          "all.Application",
          "all.Organization",
          "all.User",
          "applicationApiTokens.*",
          "applicationApiTokens.post");

  static final Set<String> TOKENS_GET =
      Set.of(
          "all.Application",
          "all.Organization",
          "all.User",
          "all.Application.read",
          "all.Organization.read",
          "all.User.read",
          "applicationApiTokens.*",
          "applicationApiTokens.get");

  static final Set<String> TOKEN_GET =
      Set.of(
          "all.Application",
          "all.Organization",
          "all.User",
          "all.Application.read",
          "all.Organization.read",
          "all.User.read",
          "applicationApiToken.*",
          "applicationApiToken.get");

  static final Set<String> TOKEN_PATCH =
      Set.of(
          "all.Application",
          "all.Organization",
          "all.User",
          "applicationApiToken.*",
          "applicationApiToken.patch");

  static final Set<String> TOKEN_DELETE =
      Set.of(
          "all.Application",
          "all.Organization",
          "all.User",
          "applicationApiToken.*",
          "applicationApiToken.delete");

  /** The bulk changes: the three actions, and reading a job of Delete many. */
  static final Set<String> DEVICES_PATCH =
      Set.of("all.Application", "all.Organization", "all.User", "devices.*", "devices.patch");

  static final Set<String> DEVICES_DELETE =
      Set.of("all.Application", "all.Organization", "all.User", "devices.*", "devices.delete");

  static final Set<String> DEVICES_RESTORE =
      Set.of("all.Application", "all.Organization", "all.User", "devices.*", "devices.restore");

  /** A job's status: the scopes of its action (here Delete many), or their read forms. */
  static final Set<String> DELETE_JOB_STATUS =
      Set.of(
          "all.Application",
          "all.Application.read",
          "all.Organization",
          "all.Organization.read",
          "all.User",
          "all.User.read",
          "devices.*",
          "devices.delete");

  /** What the job status operation lists: the scopes of the three actions and their reads. */
  static final Set<String> DEVICES_JOB_STATUS =
      Set.of(
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

  /** Every operation of the OpenAPI document (by operationId) with the scopes that allow it. */
  static Map<String, Set<String>> byOperationId() {
    Map<String, Set<String>> operations = new LinkedHashMap<>();
    operations.put("applicationsPost", APPLICATIONS_POST);
    operations.put("applicationsGet", APPLICATIONS_GET);
    operations.put("applicationGet", APPLICATION_GET);
    operations.put("applicationApiTokensPost", TOKENS_POST);
    operations.put("applicationApiTokensGet", TOKENS_GET);
    operations.put("applicationApiTokenGet", TOKEN_GET);
    operations.put("applicationApiTokenPatch", TOKEN_PATCH);
    operations.put("applicationApiTokenDelete", TOKEN_DELETE);
    operations.put("devicesExport", DEVICES_EXPORT);
    operations.put("devicesExportStatus", DEVICES_EXPORT);
    operations.put("devicesGet", DEVICES_GET);
    operations.put("devicesPost", DEVICES_POST);
    operations.put("devicesSendCommand", DEVICES_SEND_COMMAND);
    operations.put("devicesCommandStatus", DEVICES_COMMAND_STATUS);
    operations.put("devicesCommandDeliveries", DEVICES_COMMAND_STATUS);
    operations.put("devicesTagKeys", DEVICES_TAG_KEYS);
    operations.put("devicesTagValues", DEVICES_TAG_VALUES);
    operations.put("devicesAttributeNames", DEVICES_ATTRIBUTE_NAMES);
    operations.put("devicesDeviceNames", DEVICES_DEVICE_NAMES);
    operations.put("deviceGet", DEVICE_GET);
    operations.put("devicePatch", DEVICE_PATCH);
    operations.put("deviceDelete", DEVICE_DELETE);
    operations.put("deviceSendCommand", DEVICE_SEND_COMMAND);
    operations.put("deviceGetCommand", DEVICE_GET_COMMAND);
    operations.put("devicesPatch", DEVICES_PATCH);
    operations.put("devicesDelete", DEVICES_DELETE);
    operations.put("devicesRestore", DEVICES_RESTORE);
    operations.put("devicesJobStatus", DEVICES_JOB_STATUS);
    return operations;
  }
}
