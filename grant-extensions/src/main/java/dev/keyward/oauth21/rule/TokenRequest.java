package dev.keyward.oauth21.rule;

/** A token request as received (raw parameter values, null when absent) and its client. */
public record TokenRequest(ClientSettings client, String grantType, String codeVerifier) {
}
