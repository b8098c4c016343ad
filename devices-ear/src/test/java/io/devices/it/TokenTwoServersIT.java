package io.devices.it;

import io.devices.api.ApiToken;
import io.devices.api.ApiTokenPost;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token cache on two servers sharing one PostgreSQL database (the postgres profile runs it).
 * The first server trusts a token it found for an hour, so what refuses a changed token there is
 * the change dropping the entry; the second for two seconds, so it learns of a change made through
 * the first only when its entry ends. A token is used on both, then deleted or deactivated through
 * the first: the first refuses it on the next request, the second once the two seconds have passed
 * since the change. An expired token is refused on both though both still hold it.
 */
class TokenTwoServersIT {
  private static final Duration SHORT = Duration.ofSeconds(2);

  /** Beyond the second server's lifetime: clock steps of the test and the server. */
  private static final Duration MARGIN = Duration.ofMillis(500);

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final Map<String, String> sharedDatabase =
      TestDatabase.sharedDatabase("tokentwoservers");

  @RegisterExtension
  static final OwnServer firstServer =
      OwnServer.named("devicesTokenTwoA")
          .slot(14)
          .environment(() -> environment().set("DEVICES_AUTH_TOKEN_CACHE", "PT1H"));

  @RegisterExtension
  static final OwnServer secondServer =
      OwnServer.named("devicesTokenTwoB")
          .slot(15)
          .environment(() -> environment().set("DEVICES_AUTH_TOKEN_CACHE", SHORT.toString()));

  private static Api first;
  private static Api second;
  private static Fixtures fixtures;
  private String app;

  private static ServerEnvironment environment() {
    return ServerEnvironment.owner().setAll(sharedDatabase);
  }

  @BeforeAll
  static void connect() {
    String owner = System.getProperty("it.owner.token");
    first = new Api(firstServer.server().baseUrl(), owner);
    second = new Api(secondServer.server().baseUrl(), owner);
    fixtures = new Fixtures(first);
  }

  @BeforeEach
  void application() {
    app = fixtures.application();
  }

  @Test
  void aTokenDeletedThroughOneServerIsRefusedThereAtOnceAndOnTheOtherAfterItsLifetime()
      throws InterruptedException {
    ApiToken token = fixtures.apiToken(app, "devices.get");
    usedOnBoth(token);

    first.delete(tokenPath(token)).expect(200);
    Instant changed = Instant.now();

    refusedOn(first, token);
    refusedAfterTheShortLifetime(changed, token);
  }

  @Test
  void aTokenDeactivatedThroughOneServerIsRefusedThereAtOnceAndOnTheOtherAfterItsLifetime()
      throws InterruptedException {
    ApiToken token = fixtures.apiToken(app, "devices.get");
    usedOnBoth(token);

    first.patch(tokenPath(token), "{\"status\":\"inactive\"}").expect(200);
    Instant changed = Instant.now();

    refusedOn(first, token);
    refusedAfterTheShortLifetime(changed, token);

    // Active again: accepted on the first at once (its entry was dropped, not kept as refused).
    first.patch(tokenPath(token), "{\"status\":\"active\"}").expect(200);
    first.withToken(token.token()).get(devices()).expect(200);
  }

  @Test
  void anExpiredTokenIsRefusedOnBothThoughTheyHoldIt() throws InterruptedException {
    Instant expiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
    ApiToken token =
        fixtures
            .owner()
            .tokens(app)
            .create(
                new ApiTokenPost(
                    "short-lived", null, ISO_MILLIS.format(expiry), List.of("devices.get")));
    if (Instant.now().isBefore(expiry.minusSeconds(1))) {
      usedOnBoth(token); // within an hour of the first server's entry: only the expiry refuses
    }
    sleepUntil(expiry.plus(MARGIN));
    refusedOn(first, token);
    refusedOn(second, token);
  }

  private void usedOnBoth(ApiToken token) {
    for (Api server : List.of(first, second)) {
      server.withToken(token.token()).get(devices()).expect(200);
    }
  }

  /**
   * The second server's entry was written before the change, so it ended at the latest {@link
   * #SHORT} after it; the database it asks then holds the change.
   */
  private void refusedAfterTheShortLifetime(Instant changed, ApiToken token)
      throws InterruptedException {
    sleepUntil(changed.plus(SHORT).plus(MARGIN));
    refusedOn(second, token);
    refusedOn(first, token);
  }

  private void refusedOn(Api server, ApiToken token) {
    server.withToken(token.token()).get(devices()).expectError(401, "Unauthorized");
  }

  private static void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private String devices() {
    return "/applications/" + app + "/devices";
  }

  private String tokenPath(ApiToken token) {
    return "/applications/" + app + "/tokens/" + token.id();
  }
}
