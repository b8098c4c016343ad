package io.devices.api.client;

import io.devices.api.ApiToken;
import io.devices.api.ApiTokenPatch;
import io.devices.api.ApiTokenPost;
import io.devices.api.ApiTokens;
import io.devices.api.Success;

/** Issue, list, get, change and delete the API tokens of one application. */
public final class TokensClient {
  private final Endpoint endpoint;
  private final String path;

  TokensClient(Endpoint endpoint, String applicationId) {
    this.endpoint = endpoint;
    this.path = "/applications/" + Endpoint.segment(applicationId) + "/tokens";
  }

  /** Issues a token; its secret is in {@link ApiToken#token()} of this answer only. */
  public ApiToken create(ApiTokenPost token) {
    return endpoint.post(path, token, ApiToken.class);
  }

  public ApiTokens list() {
    return endpoint.get(path, ApiTokens.class);
  }

  public ApiToken get(String apiTokenId) {
    return endpoint.get(tokenPath(apiTokenId), ApiToken.class);
  }

  /** Renames, describes, activates or deactivates a token; absent fields stay as they are. */
  public ApiToken patch(String apiTokenId, ApiTokenPatch changes) {
    return endpoint.patch(tokenPath(apiTokenId), changes, ApiToken.class);
  }

  public Success delete(String apiTokenId) {
    return endpoint.delete(tokenPath(apiTokenId), Success.class);
  }

  private String tokenPath(String apiTokenId) {
    return path + "/" + Endpoint.segment(apiTokenId);
  }
}
