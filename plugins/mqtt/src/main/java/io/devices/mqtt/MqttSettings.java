package io.devices.mqtt;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The settings of the {@code mqtt} transport, parsed and checked once at start (keys without the
 * {@code devices.mqtt.} prefix). All are optional; see {@link MqttTransport} for their defaults.
 *
 * @param password as given: spaces may belong to it; null when not set
 */
record MqttSettings(
    String url,
    String clientId,
    String user,
    String password,
    String truststore,
    String truststorePassword,
    String truststoreType,
    Duration publishTimeout,
    int maxInflight,
    int connectTimeoutSeconds,
    int keepAliveSeconds) {

  static final String DEFAULT_URL = "tcp://127.0.0.1:1883";
  private static final int DEFAULT_MAX_INFLIGHT = 10_000;
  private static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(30);
  private static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
  private static final int DEFAULT_KEEP_ALIVE_SECONDS = 30;

  /** How long Paho's automatic reconnect, and the first connection's retries, wait at most. */
  static final int MAX_RETRY_MILLIS = 30_000;

  /**
   * @throws IllegalArgumentException naming the setting whose value is out of range or unparsable
   */
  static MqttSettings parse(Map<String, String> config) {
    String password = config.get("password");
    return new MqttSettings(
        setting(config, "url", DEFAULT_URL),
        setting(config, "client-id", "devices-" + randomSuffix()),
        setting(config, "user", null),
        password == null || password.isEmpty() ? null : password,
        setting(config, "truststore", null),
        setting(config, "truststore-password", null),
        setting(config, "truststore-type", null),
        duration(config, "publish-timeout", DEFAULT_PUBLISH_TIMEOUT),
        integer(config, "max-inflight", DEFAULT_MAX_INFLIGHT, 1, 65_535),
        integer(config, "connect-timeout", DEFAULT_CONNECT_TIMEOUT_SECONDS, 1, 3_600),
        integer(config, "keep-alive", DEFAULT_KEEP_ALIVE_SECONDS, 0, 65_535));
  }

  /** Paho's options: clean session, MQTT 3.1.1, automatic reconnect, the window and timeouts. */
  MqttConnectOptions connectOptions() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(MAX_RETRY_MILLIS);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setMaxInflight(maxInflight);
    options.setConnectionTimeout(connectTimeoutSeconds);
    options.setKeepAliveInterval(keepAliveSeconds);
    if (user != null) {
      options.setUserName(user);
    }
    if (password != null) {
      options.setPassword(password.toCharArray());
    }
    Properties ssl = new Properties();
    putIfSet(ssl, "com.ibm.ssl.trustStore", truststore);
    putIfSet(ssl, "com.ibm.ssl.trustStorePassword", truststorePassword);
    putIfSet(ssl, "com.ibm.ssl.trustStoreType", truststoreType);
    if (!ssl.isEmpty()) {
      options.setSSLProperties(ssl);
    }
    return options;
  }

  @Override
  public String toString() { // keeps the passwords out of logs
    return "MqttSettings[url=" + url + ", clientId=" + clientId + ", user=" + user + "]";
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void putIfSet(Properties properties, String key, String value) {
    if (value != null) {
      properties.setProperty(key, value);
    }
  }

  private static String setting(Map<String, String> config, String key, String fallback) {
    String value = config.get(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static int integer(
      Map<String, String> config, String key, int fallback, int min, int max) {
    String value = setting(config, key, null);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "mqtt setting "
            + key
            + " must be a whole number from "
            + min
            + " to "
            + max
            + ", not "
            + value);
  }

  private static Duration duration(Map<String, String> config, String key, Duration fallback) {
    String value = setting(config, key, null);
    if (value == null) {
      return fallback;
    }
    try {
      Duration duration = Duration.parse(value);
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "mqtt setting "
            + key
            + " must be a positive ISO-8601 duration such as PT30S, not "
            + value);
  }
}
