package dev.keyward.shield;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MalformedInputTest {

    @Test
    void aBrokenEscapeInAFormBodyIsTheClientsFault() {
        IllegalArgumentException failure = thrownBy("org.jboss.resteasy.reactive.common.util.URLUtils",
                "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition$FormEncodedDataParser",
                "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler");

        assertThat(MalformedInput.causing(failure)).contains(MalformedInput.FORM_BODY);
    }

    @Test
    void anUnreadableKeyInADpopProofIsAnInvalidProofEvenThoughAGeneralDecoderThrew() {
        IllegalArgumentException failure = thrownBy("java.util.Base64$Decoder", "org.keycloak.jose.jwk.JWKParser",
                "org.keycloak.util.JWKSUtils", "org.keycloak.services.util.DPoPUtil", "org.keycloak.protocol.oidc.endpoints.TokenEndpoint");

        assertThat(MalformedInput.causing(failure)).contains(MalformedInput.DPOP_PROOF);
        assertThat(MalformedInput.DPOP_PROOF.error()).isEqualTo("invalid_dpop_proof");
    }

    @Test
    void anUnreadableKeyIsAnInvalidProofAlsoWhereKeycloaksOwnDecoderThrowsAPlainRuntimeException() {
        // Keycloak 26.4's Base64Url: new RuntimeException("Illegal base64url string!")
        RuntimeException before267 = new RuntimeException("Illegal base64url string!");
        before267.setStackTrace(thrownBy("org.keycloak.common.util.Base64Url", "org.keycloak.jose.jwk.JWKParser",
                "org.keycloak.util.JWKSUtils", "org.keycloak.services.util.DPoPUtil", "org.keycloak.protocol.oidc.endpoints.TokenEndpoint")
                .getStackTrace());
        RuntimeException elsewhere = new RuntimeException("Illegal base64url string!");
        elsewhere.setStackTrace(thrownBy("org.keycloak.common.util.Base64Url", "org.keycloak.jose.jwk.JWKParser",
                "org.keycloak.keys.loader.PublicKeyStorageManager").getStackTrace());

        assertThat(MalformedInput.causing(before267)).contains(MalformedInput.DPOP_PROOF);
        assertThat(MalformedInput.causing(elsewhere)).as("a key parsed outside DPoP validation: a server error").isEmpty();
    }

    @Test
    void headerParsersThrowingDeepInsideAnEndpointAreNamed() {
        assertThat(MalformedInput.causing(thrownBy("org.jboss.resteasy.reactive.common.util.CookieParser",
                "org.keycloak.cookie.DefaultCookieProvider"))).contains(MalformedInput.COOKIE);
        assertThat(MalformedInput.causing(thrownBy("org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate",
                "org.keycloak.headers.DefaultSecurityHeadersProvider"))).contains(MalformedInput.CONTENT_TYPE);
    }

    @Test
    void aBrokenMultipartBodyIsTheClientsFault() {
        java.io.IOException failure = new java.io.IOException("Connection terminated parsing multipart request");
        failure.setStackTrace(thrownBy("org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition$MultiPartUploadHandler",
                "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler").getStackTrace());

        StringIndexOutOfBoundsException emptyBoundary = new StringIndexOutOfBoundsException(30);
        emptyBoundary.setStackTrace(thrownBy("java.lang.String", "org.jboss.resteasy.reactive.common.headers.HeaderUtil",
                "org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition").getStackTrace());

        assertThat(MalformedInput.causing(failure)).contains(MalformedInput.MULTIPART_BODY);
        assertThat(MalformedInput.causing(emptyBoundary)).contains(MalformedInput.MULTIPART_BODY);
    }

    @Test
    void aRegistrationEndpointDereferencingAMissingBodyIsInvalidClientMetadata() {
        NullPointerException missing = new NullPointerException("Cannot invoke \"getClientId()\" because \"clientOIDC\" is null");
        missing.setStackTrace(thrownBy("org.keycloak.services.clientregistration.oidc.OIDCClientRegistrationProvider",
                "org.jboss.resteasy.reactive.server.handlers.InvocationHandler").getStackTrace());
        NullPointerException deeper = new NullPointerException("bug");
        deeper.setStackTrace(thrownBy("org.keycloak.models.jpa.ClientAdapter",
                "org.keycloak.services.clientregistration.oidc.OIDCClientRegistrationProvider").getStackTrace());

        assertThat(MalformedInput.causing(missing)).contains(MalformedInput.CLIENT_METADATA);
        assertThat(MalformedInput.CLIENT_METADATA.error()).isEqualTo("invalid_client_metadata");
        assertThat(MalformedInput.causing(deeper)).as("thrown further down: a server error").isEmpty();
    }

    @Test
    void anythingElseStaysAServerError() {
        assertThat(MalformedInput.causing(thrownBy("org.keycloak.models.jpa.RealmAdapter", "org.keycloak.services.resources.RealmsResource")))
                .isEmpty();
        IllegalStateException notAnArgument = new IllegalStateException("bug");
        notAnArgument.setStackTrace(thrownBy("org.keycloak.services.util.DPoPUtil").getStackTrace());
        assertThat(MalformedInput.causing(notAnArgument)).as("only the exception the parser throws").isEmpty();
    }

    private static IllegalArgumentException thrownBy(String... classes) {
        IllegalArgumentException failure = new IllegalArgumentException("unreadable");
        StackTraceElement[] frames = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            frames[i] = new StackTraceElement(classes[i], "parse", null, -1);
        }
        failure.setStackTrace(frames);
        return failure;
    }
}
