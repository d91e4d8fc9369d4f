package dev.keyward.shield.keycloak;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.error.KeycloakErrorHandler;

import dev.keyward.shield.MalformedInput;

/**
 * Answers 400 where Keycloak throws on input it cannot read (a broken % escape in a form body, a
 * DPoP proof whose key is not a key, a registration without a body) instead of its 500. More
 * specific than Keycloak's {@code ExceptionMapper<Throwable>}, so JAX-RS asks it first; every
 * other exception goes to Keycloak's handler unchanged, so a server error still shows as one.
 */
@Provider
public class MalformedInputMapper implements ExceptionMapper<Exception> {

    @Context
    KeycloakSession session;

    @Override
    public Response toResponse(Exception failure) {
        return MalformedInput.causing(failure).map(MalformedInputResponses::refusal)
                .orElseGet(() -> KeycloakErrorHandler.getResponse(session, failure));
    }
}
