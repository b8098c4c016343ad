package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every non-2xx answer is {"type","message"} JSON with the right status, never HTML. */
@ExtendWith(ArquillianExtension.class)
class ErrorModelIT {
  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  Api owner;
  String app;

  @BeforeEach
  void setUp() {
    owner = Api.owner();
    app = new Fixtures(owner).application();
  }

  @Test
  void unknownPathsAreNotFound() {
    owner.get("/nothing/here").expectError(404, "NotFound");
    owner.get("/applications/" + app + "/nothing").expectError(404, "NotFound");
  }

  @Test
  void unknownApplicationsAreNotFoundWithTheContractMessage() {
    ApiResponse response =
        owner.get("/applications/575ec8687ae143cd83dc4a97/devices").expectError(404, "NotFound");
    assertEquals("Application was not found", response.message());
  }

  @Test
  void malformedIdsAreValidationErrors() {
    assertEquals(
        "applicationId must be a 24 character hex id",
        owner.get("/applications/not-an-id/devices").expectError(400, "Validation").message());
  }

  @Test
  void aWrongMethodIsMethodNotAllowed() {
    ApiResponse response =
        owner.raw(
            "PUT",
            "/applications/" + app + "/devices",
            "{}".getBytes(),
            "Content-Type",
            "application/json");
    response.expectError(405, "MethodNotAllowed");
    assertTrue(response.header("allow").contains("GET"));
  }

  @Test
  void onlyJsonIsProduced() {
    ApiResponse response =
        owner.socket(
            "GET /applications HTTP/1.0\r\nAccept: text/html\r\nAuthorization: Bearer "
                + System.getProperty("it.owner.token")
                + "\r\n\r\n");
    assertEquals(406, response.status(), response.toString());
    assertTrue(response.body().contains("\"type\":\"NotAcceptable\""), response.toString());
  }

  @Test
  void onlyJsonIsConsumed() {
    owner
        .raw(
            "POST",
            "/applications/" + app + "/devices",
            "name=x".getBytes(),
            "Content-Type",
            "application/x-www-form-urlencoded")
        .expectError(415, "UnsupportedMediaType");
  }

  @Test
  void bodiesOverOneMebibyteAreTooLarge() {
    String huge = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
    owner.post("/applications/" + app + "/devices", huge).expectError(413, "PayloadTooLarge");
  }

  @Test
  void bodiesThatAreNotJsonOrNotUtf8AreValidationErrors() {
    String devices = "/applications/" + app + "/devices";
    assertEquals(
        "The request body is not valid JSON",
        owner.post(devices, "{\"name\":").expectError(400, "Validation").message());
    assertEquals(
        "The request body is not valid JSON",
        owner.post(devices, "{\"name\":\"a\"} trailing").expectError(400, "Validation").message());
    assertEquals(
        "The request body must be a JSON object",
        owner.post(devices, "[1]").expectError(400, "Validation").message());
    assertEquals(
        "The request body is required",
        owner.post(devices, "").expectError(400, "Validation").message());
    byte[] invalidUtf8 = "{\"name\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        "The request body is not valid UTF-8",
        owner
            .raw("POST", devices, invalidUtf8, "Content-Type", "application/json")
            .expectError(400, "Validation")
            .message());
  }

  @Test
  void theClientsExtraParametersAndHeadersAreAccepted() {
    owner
        .send(
            owner
                .request(
                    "/applications/" + app + "/devices?_actions=false&_links=true&_embedded=true")
                .header("Accept-Version", "^1.5.3")
                .header("losantdomain", "example.com"))
        .expect(200);
  }

  @Test
  void malformedQueryEncodingIsAValidationErrorNotAServerError() {
    ApiResponse response =
        owner.socket(
            "GET /applications/"
                + app
                + "/devices?filter=%zz HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer "
                + System.getProperty("it.owner.token")
                + "\r\nConnection: close\r\n\r\n");
    assertEquals(400, response.status(), response.toString());
    assertTrue(response.toString().contains("\"type\":\"Validation\""), response.toString());
  }
}
