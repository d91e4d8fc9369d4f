package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.Browser;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.ConsentScreen;
import dev.keyward.testing.Eventually;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.KeywardEvents;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The granular consent step in a browser flow (realms/consent.json): the step asks every client
 * ("clients: all"), remembers for an hour, and a conditional sub-flow skips employees.
 * consent-app also has Keycloak's own "Consent required" switch on.
 */
@CompatibilitySubset
@BaselineMode("enforce")
class ConsentIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/consent.json");

    private static final URI CONSENT_APP = URI.create("https://consent.example/cb");
    private static final URI PLAIN_APP = URI.create("https://plain.example/cb");
    private static final Scope PHONE_AND_ADDRESS = new Scope("openid", "phone", "address");

    private KeycloakServer server;
    private OidcClient consentApp;
    private OidcClient plainApp;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        consentApp = OidcClient.publicClient(REALM.issuer(), "consent-app", CONSENT_APP);
        plainApp = OidcClient.publicClient(REALM.issuer(), "plain-app", PLAIN_APP);
        // Each test starts from "never asked"; the admin API is also how an operator would reset it.
        for (String user : List.of("carol", "dora", "emma")) {
            for (String client : List.of("consent-app", "plain-app")) {
                server.admin().delete("realms/" + REALM.name() + "/users/" + server.admin().userId(REALM.name(), user) + "/consents/" + client);
            }
        }
    }

    @Test
    void anUntickedOptionalScopeIsLeftOutOfTheTokensScopeAndClaims() {
        OidcClient.Authorization authorization = consentApp.authorize(PHONE_AND_ADDRESS);
        try (Browser browser = new Browser(server.baseUrl())) {
            ConsentScreen screen = ConsentScreen.of(browser, browser.openLogin(authorization.requestUri()).signIn("carol", "carol"));

            assertThat(screen.requiredScopes()).containsExactlyInAnyOrder("profile", "email", "roles");
            assertThat(screen.optionalScopes()).containsExactly("phone", "address");
            assertThat(screen.text()).contains("Consent App would like access to your account", "User profile", "Phone number",
                    "Privacy policy", "Terms of service");
            assertThat(screen.page().getElementById("keyward-consent-logo").getAttribute("src")).isEqualTo("https://consent.example/logo.png");

            URI redirect = screen.untick("address").allow().redirectOrFail();

            OIDCTokenResponse tokens = OidcClient.success(consentApp.redeem(consentApp.codeFrom(redirect, authorization),
                    CONSENT_APP, authorization.verifier()));
            JWTClaimsSet access = consentApp.accessTokenClaims(tokens);
            assertThat(Scope.parse((String) access.getClaim("scope")).toStringList()).contains("openid", "profile", "email", "phone").doesNotContain("address");
            IDTokenClaimsSet id = consentApp.validateIdToken(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
            assertThat(id.getStringClaim("phone_number")).isEqualTo("+49 30 1234567");
            assertThat(id.getClaim("address")).as("claims of the unticked scope").isNull();
            assertThat(id.getStringClaim("email")).isEqualTo("carol@consent.example");
        }
        JsonNode event = new KeywardEvents(server.admin(), REALM.name()).latest("GRANT_CONSENT", "consent-app");
        assertThat(event.path("details").path("keyward_granted_scopes").asText().split(" "))
                .containsExactlyInAnyOrder("profile", "email", "roles", "phone");
        assertThat(event.path("details").path("keyward_denied_scopes").asText()).isEqualTo("address");
    }

    @Test
    void theConsentIsInKeycloaksConsentStoreAndRevokingItThereMakesTheStepAskAgain() {
        AdminClient admin = server.admin();
        String dora = server.admin().userId(REALM.name(), "dora");
        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.Authorization first = consentApp.authorize(PHONE_AND_ADDRESS);
            ConsentScreen.of(browser, browser.openLogin(first.requestUri()).signIn("dora", "dora")).untick("phone").allow().redirectOrFail();

            JsonNode consent = consentOf(dora, "consent-app");
            assertThat(names(consent.path("grantedClientScopes"))).containsExactlyInAnyOrder("profile", "email", "roles", "address");

            assertThat(browser.navigate(consentApp.authorize(new Scope("openid", "address")).requestUri())
                    .redirect()).as("remembered: straight back with a code").isNotNull();

            AdminClient.expect(204, admin.delete("realms/" + REALM.name() + "/users/" + dora + "/consents/consent-app"));

            assertThat(ConsentScreen.isShown(browser.navigate(consentApp.authorize(new Scope("openid", "address")).requestUri())))
                    .as("asked again after the admin revoked the consent").isTrue();
        }
    }

    @Test
    void theSameUserAllowingTwiceAtOnceLeavesOneConsentAndCanSignInAgain() throws Exception {
        String dora = server.admin().userId(REALM.name(), "dora");
        for (int race = 0; race < 5; race++) {
            // Each race is one of two first consents: the one that follows waits for the other's commit, then replaces it.
            int revoked = server.admin().delete("realms/" + REALM.name() + "/users/" + dora + "/consents/consent-app").statusCode();
            assertThat(revoked).as("revoke of the previous race's consent (404: none yet)").isIn(204, 404);
            raceTwoFirstConsents(dora);
        }
    }

    private void raceTwoFirstConsents(String dora) throws Exception {
        try (Browser first = new Browser(server.baseUrl()); Browser second = new Browser(server.baseUrl())) {
            OidcClient.Authorization one = consentApp.authorize(new Scope("openid"));
            OidcClient.Authorization two = consentApp.authorize(new Scope("openid"));
            ConsentScreen screenOne = ConsentScreen.of(first, first.openLogin(one.requestUri()).signIn("dora", "dora"));
            ConsentScreen screenTwo = ConsentScreen.of(second, second.openLogin(two.requestUri()).signIn("dora", "dora"));

            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var allowedOne = pool.submit(() -> screenOne.allow().redirectOrFail());
            var allowedTwo = pool.submit(() -> screenTwo.allow().redirectOrFail());
            URI redirectOne = allowedOne.get(60, java.util.concurrent.TimeUnit.SECONDS);
            URI redirectTwo = allowedTwo.get(60, java.util.concurrent.TimeUnit.SECONDS);
            pool.shutdown();

            OidcClient.success(consentApp.redeem(consentApp.codeFrom(redirectOne, one), CONSENT_APP, one.verifier()));
            OidcClient.success(consentApp.redeem(consentApp.codeFrom(redirectTwo, two), CONSENT_APP, two.verifier()));
        }
        assertThat(server.admin().get("realms/" + REALM.name() + "/users/" + dora + "/consents"))
                .as("one consent to consent-app, not one per concurrent sign-in").hasSize(1);
        try (Browser later = new Browser(server.baseUrl())) {
            OidcClient.Authorization again = consentApp.authorize(new Scope("openid"));
            assertThat(later.openLogin(again.requestUri()).signIn("dora", "dora").redirect()).as("remembered, and readable").isNotNull();
        }
    }

    @Test
    void aNewScopeRequestAsksOnlyForThatScope() {
        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.Authorization first = consentApp.authorize(new Scope("openid"));
            URI firstRedirect = ConsentScreen.of(browser, browser.openLogin(first.requestUri()).signIn("carol", "carol")).allow().redirectOrFail();
            consentApp.codeFrom(firstRedirect, first);

            OidcClient.Authorization second = consentApp.authorize(new Scope("openid", "phone"));
            ConsentScreen screen = ConsentScreen.of(browser, browser.navigate(second.requestUri()));

            assertThat(screen.optionalScopes()).containsExactly("phone");
            assertThat(screen.requiredScopes()).isEmpty();
            assertThat(screen.text()).contains("You have already allowed:", "User profile");
            OidcClient.success(consentApp.redeem(consentApp.codeFrom(screen.allow().redirectOrFail(), second), CONSENT_APP, second.verifier()));
        }
    }

    @Test
    void aRememberedConsentExpires() {
        Duration rememberFor = Duration.ofSeconds(3);
        ObjectNode config = setRememberFor(rememberFor.toSeconds() + "s");
        try (Browser browser = new Browser(server.baseUrl())) {
            ConsentScreen screen = ConsentScreen.of(browser, browser.openLogin(plainAppLogin()).signIn("dora", "dora"));
            // The server dates the consent while handling "allow", so no earlier than this.
            Instant allowed = Instant.now();
            screen.allow().redirectOrFail();
            URI remembered = browser.navigate(plainAppLogin()).redirect();
            assertThat(remembered).as("within 3 s: remembered (checked %s ms after allowing)",
                    Duration.between(allowed, Instant.now()).toMillis()).isNotNull();

            boolean askedAgain = Eventually.pollNotBefore("after 3 s: asked again", allowed.plus(rememberFor), rememberFor.plusSeconds(30),
                    () -> ConsentScreen.isShown(browser.navigate(plainAppLogin())), shown -> shown);

            assertThat(askedAgain).as("after 3 s: asked again").isTrue();
        } finally {
            restoreConsentConfig(config);
        }
    }

    @Test
    void aStoredDurationKeycloakCouldNotRefuseMakesTheStepAskAtEveryLogin() {
        // Keycloak has no save-time check for authenticator settings, so a bad value can be stored through the API.
        ObjectNode config = setRememberFor("ninety days");
        try (Browser browser = new Browser(server.baseUrl())) {
            ConsentScreen.of(browser, browser.openLogin(plainAppLogin()).signIn("dora", "dora")).allow().redirectOrFail();

            assertThat(ConsentScreen.isShown(browser.navigate(plainAppLogin())))
                    .as("nothing remembered while the setting is unreadable").isTrue();
        } finally {
            restoreConsentConfig(config);
        }
    }

    @Test
    void denyingReturnsAccessDeniedWithStateAndIssuerToTheRedirectUri() {
        OidcClient.Authorization authorization = consentApp.authorize(PHONE_AND_ADDRESS);
        try (Browser browser = new Browser(server.baseUrl())) {
            ConsentScreen screen = ConsentScreen.of(browser, browser.openLogin(authorization.requestUri()).signIn("dora", "dora"));

            URI redirect = screen.deny().redirectOrFail();

            assertThat(redirect.toString()).startsWith(CONSENT_APP.toString());
            AuthenticationErrorResponse error = consentApp.parseRedirect(redirect).toErrorResponse();
            assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
            assertThat(error.getState()).isEqualTo(authorization.state());
            assertThat(error.getIssuer()).isEqualTo(consentApp.metadata().getIssuer());
        }
        JsonNode event = new KeywardEvents(server.admin(), REALM.name()).latest("GRANT_CONSENT_ERROR", "consent-app");
        assertThat(event.path("error").asText()).isEqualTo("rejected_by_user");
        assertThat(event.path("details").path("keyward_denied_scopes").asText()).contains("phone", "address");
    }

    @Test
    void withKeycloaksOwnConsentSwitchOnTheUserIsAskedOnceNotTwice() {
        assertThat(server.admin().get("realms/" + REALM.name() + "/clients?clientId=consent-app").get(0).path("consentRequired").asBoolean())
                .as("Keycloak's switch is on for consent-app").isTrue();
        try (Browser browser = new Browser(server.baseUrl())) {
            OidcClient.Authorization first = consentApp.authorize(PHONE_AND_ADDRESS);
            Browser.Outcome afterAllow = ConsentScreen.of(browser, browser.openLogin(first.requestUri()).signIn("carol", "carol"))
                    .untick("phone").allow();
            assertThat(afterAllow.redirect()).as("no second consent screen after Keyward's").isNotNull();
            consentApp.codeFrom(afterAllow.redirect(), first);

            OidcClient.Authorization again = consentApp.authorize(new Scope("openid", "address"), CONSENT_APP);
            URI prompted = URI.create(again.requestUri() + "&prompt=consent");
            Browser.Outcome forced = ConsentScreen.of(browser, browser.navigate(prompted)).allow();
            assertThat(forced.redirect()).as("prompt=consent asks once, in Keyward's screen").isNotNull();
            OIDCTokenResponse tokens = OidcClient.success(consentApp.redeem(consentApp.codeFrom(forced.redirect(), again),
                    CONSENT_APP, again.verifier()));
            IDTokenClaimsSet id = consentApp.validateIdToken(tokens.getOIDCTokens().getIDToken(), again.nonce());
            assertThat(id.getClaim("address")).as("a granted optional scope brings its claims").isNotNull();
        }
    }

    @Test
    void theConditionalSubFlowSkipsTheStepForEmployees() {
        OidcClient.Authorization authorization = plainApp.authorize(new Scope("openid", "phone"));
        try (Browser browser = new Browser(server.baseUrl())) {
            Browser.Outcome outcome = browser.openLogin(authorization.requestUri()).signIn("emma", "emma");

            assertThat(ConsentScreen.isShown(outcome)).isFalse();
            JWTClaimsSet access = plainApp.accessTokenClaims(OidcClient.success(
                    plainApp.redeem(plainApp.codeFrom(outcome.redirectOrFail(), authorization), PLAIN_APP, authorization.verifier())));
            assertThat(Scope.parse((String) access.getClaim("scope")).toStringList()).contains("phone");
        }
        assertThat(server.admin().get("realms/" + REALM.name() + "/users/" + server.admin().userId(REALM.name(), "emma") + "/consents")).isEmpty();
    }

    @Test
    void theScreenSpeaksGermanWithLabelledCheckboxesInAFieldset() {
        URI request = URI.create(consentApp.authorize(PHONE_AND_ADDRESS).requestUri() + "&ui_locales=de");
        try (Browser browser = new Browser(server.baseUrl())) {
            ConsentScreen screen = ConsentScreen.of(browser, browser.openLogin(request).signIn("dora", "dora"));

            assertThat(screen.text()).contains("Consent App möchte auf Ihr Konto zugreifen", "(erforderlich)", "Erlauben", "Ablehnen");
            var fieldset = screen.page().getElementById("keyward-consent-scopes");
            assertThat(fieldset.getTagName()).isEqualTo("fieldset");
            assertThat(fieldset.getElementsByTagName("legend")).hasSize(1);
            for (var input : fieldset.getElementsByTagName("input")) {
                assertThat(screen.page().querySelectorAll("label[for='" + input.getId() + "']")).as(input.getId()).hasSize(1);
            }
        }
    }

    /** A fresh authorization request of plain-app for openid alone. */
    private URI plainAppLogin() {
        return plainApp.authorize(new Scope("openid")).requestUri();
    }

    /** Sets the step's remember-for and returns the config as it was. */
    private ObjectNode setRememberFor(String value) {
        ObjectNode config = (ObjectNode) server.admin().get(consentConfigPath());
        ObjectNode changed = config.deepCopy();
        ((ObjectNode) changed.path("config")).put("remember-for", value);
        AdminClient.expect(204, server.admin().put(consentConfigPath(), changed));
        return config;
    }

    private void restoreConsentConfig(ObjectNode config) {
        AdminClient.expect(204, server.admin().put(consentConfigPath(), config));
    }

    private JsonNode consentOf(String userId, String clientId) {
        for (JsonNode consent : server.admin().get("realms/" + REALM.name() + "/users/" + userId + "/consents")) {
            if (consent.path("clientId").asText().equals(clientId)) {
                return consent;
            }
        }
        throw new AssertionError("No consent for " + clientId);
    }

    /** The admin path of the consent step's settings in the realm's flow. */
    private String consentConfigPath() {
        for (JsonNode execution : server.admin().get("realms/" + REALM.name() + "/authentication/flows/consent%20browser/executions")) {
            if ("keyward-granular-consent".equals(execution.path("providerId").asText())) {
                return "realms/" + REALM.name() + "/authentication/config/" + execution.path("authenticationConfig").asText();
            }
        }
        throw new AssertionError("No consent step in the flow");
    }

    private static List<String> names(JsonNode scopes) {
        List<String> names = new ArrayList<>();
        scopes.forEach(scope -> names.add(scope.asText()));
        return names;
    }
}
