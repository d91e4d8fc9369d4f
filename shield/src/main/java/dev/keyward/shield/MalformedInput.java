package dev.keyward.shield;

import java.util.List;
import java.util.Optional;

/**
 * Request input that Keycloak cannot read, and the OAuth error it deserves instead of the 500
 * Keycloak answers when the exception its parser (or the code that trusted the input) throws
 * reaches Keycloak's error handler.
 */
public enum MalformedInput {

    CONTENT_TYPE("invalid_request", "the Content-Type header is not a media type"),
    ACCEPT("invalid_request", "the Accept header is not a list of media types"),
    ACCEPT_LANGUAGE("invalid_request", "the Accept-Language header is not a list of weighted language tags"),
    COOKIE("invalid_request", "the Cookie header cannot be parsed"),
    FORM_BODY("invalid_request", "the form body is not valid application/x-www-form-urlencoded (a % escape is broken)"),
    MULTIPART_BODY("invalid_request", "the multipart form body cannot be parsed"),
    DPOP_PROOF("invalid_dpop_proof", "the DPoP proof's public key cannot be read"),
    CLIENT_METADATA("invalid_client_metadata", "the request body must be a JSON object of client metadata");

    /**
     * Where each unreadable input makes Keycloak throw. Judged by the exception's type and the
     * throwing class, not by the message: the code that threw says which input it could not read.
     * DPoP first, because its key parsing throws from general-purpose decoders.
     */
    private static final List<Origin> ORIGINS = List.of(
            new Origin(IllegalArgumentException.class, "org.keycloak.services.util.DPoPUtil", false, null, DPOP_PROOF),
            // Keycloak before 26.7 decodes a key's base64url with its own decoder, which throws a plain RuntimeException:
            // any failure of the JWK parser while DPoP validation reads the proof's key is the proof's fault.
            new Origin(RuntimeException.class, "org.keycloak.jose.jwk.JWKParser", false, "org.keycloak.services.util.DPoPUtil", DPOP_PROOF),
            new Origin(IllegalArgumentException.class, "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition", false, null,
                    FORM_BODY),
            // The multipart parser fails in several ways (a cut-off body, an empty boundary): all of them are about the body.
            new Origin(Exception.class, "org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition", false, null, MULTIPART_BODY),
            new Origin(IllegalArgumentException.class, "org.jboss.resteasy.reactive.common.util.CookieParser", false, null, COOKIE),
            new Origin(IllegalArgumentException.class, "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate", false, null,
                    CONTENT_TYPE),
            // A registration endpoint dereferencing the representation it was given: the body was empty or JSON null.
            new Origin(NullPointerException.class, "org.keycloak.services.clientregistration.", true, null, CLIENT_METADATA));

    private final String error;
    private final String description;

    MalformedInput(String error, String description) {
        this.error = error;
        this.description = description;
    }

    /** The OAuth error code ({@code invalid_request}, {@code invalid_dpop_proof}). */
    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    /**
     * The unreadable input that made a request parser throw this, or empty when it came from
     * anywhere else: a server error stays a server error.
     */
    public static Optional<MalformedInput> causing(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        for (Origin origin : ORIGINS) {
            if (origin.type().isInstance(failure) && origin.matches(frames)) {
                return Optional.of(origin.input());
            }
        }
        return Optional.empty();
    }

    /**
     * An exception of this type thrown in (or, unless top frame only, under) the class {@code thrower} means this
     * input; with {@code within}, only while a class of that name is further down the stack.
     */
    private record Origin(Class<? extends Throwable> type, String thrower, boolean topFrameOnly, String within, MalformedInput input) {

        boolean matches(StackTraceElement[] frames) {
            int searched = topFrameOnly ? Math.min(1, frames.length) : frames.length;
            for (int i = 0; i < searched; i++) {
                if (frames[i].getClassName().startsWith(thrower)) {
                    return within == null || calledWithin(frames, i + 1);
                }
            }
            return false;
        }

        private boolean calledWithin(StackTraceElement[] frames, int from) {
            for (int i = from; i < frames.length; i++) {
                if (frames[i].getClassName().startsWith(within)) {
                    return true;
                }
            }
            return false;
        }
    }
}
