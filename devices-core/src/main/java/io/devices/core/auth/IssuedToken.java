package io.devices.core.auth;

/** A token just issued, with its secret: the only time the secret is available. */
public record IssuedToken(ApiToken token, String secret) {}
