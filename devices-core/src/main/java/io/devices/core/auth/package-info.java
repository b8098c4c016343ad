/**
 * Who is calling and what they may do: bearer tokens (the configured owner token and application
 * API tokens, stored only as hashes), the known scopes and the scope matrix that decides which
 * scopes allow each action.
 */
package io.devices.core.auth;
