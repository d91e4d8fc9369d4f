package dev.keyward.shield.keycloak;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

import dev.keyward.shield.MalformedInput;

/** The one answer to unreadable input: 400 with an OAuth error body, whatever the endpoint. */
final class MalformedInputResponses {

    private static final Logger LOG = Logger.getLogger(MalformedInputResponses.class);

    private MalformedInputResponses() {
    }

    static Response refusal(MalformedInput input) {
        LOG.debugf("Refused a request with malformed input: %s", input.description());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuth2ErrorRepresentation(input.error(), input.description())).build();
    }
}
