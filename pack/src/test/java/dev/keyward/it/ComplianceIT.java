package dev.keyward.it;

import static dev.keyward.testing.ComplianceReports.client;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.testing.AdminClient;
import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compliance report of a realm of legacy clients (imported, as clients registered before
 * Keyward are), its CSV form, the server-wide view and the one-click fixes, against the real
 * server in enforce mode. Tests that change clients run after those that read them.
 */
@CompatibilitySubset
@BaselineMode("enforce")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/compliance.json");

    private KeycloakServer server;
    private AdminClient admin;
    private String report;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
        this.report = "realms/" + REALM.name() + "/keyward-oauth21/compliance";
    }

    @Test
    @Order(1)
    void everyClientGetsItsVerdictWithTheModesInForce() {
        grantExemption("exempted-batch", "no-password-grant");

        JsonNode json = admin.get(report);

        assertThat(json.path("realm").asText()).isEqualTo(REALM.name());
        assertThat(json.path("generatedAt").asText()).isNotBlank();
        assertThat(json.path("windowDays").asInt()).isEqualTo(30);
        assertThat(json.path("modes").path("pkce-required").path("realm").asText()).isEqualTo("enforce");
        Map<String, String> verdicts = verdicts(json);
        assertThat(verdicts).containsEntry("compliant-web", "compliant").containsEntry("native-loopback", "compliant")
                .containsEntry("loopback-port", "compliant")
                .containsEntry("legacy-wildcard", "breaks").containsEntry("legacy-http", "breaks").containsEntry("legacy-implicit", "breaks")
                .containsEntry("legacy-ropc", "breaks").containsEntry("no-pkce-setting", "breaks").containsEntry("exempted-batch", "exempted")
                .containsEntry("security-admin-console", "builtin").containsEntry("account-console", "builtin");
        JsonNode summary = json.path("summary");
        assertThat(summary.path("clients").asInt()).isEqualTo(verdicts.size());
        assertThat(summary.path("breaks").asInt()).isEqualTo((int) verdicts.values().stream().filter("breaks"::equals).count());
        assertThat(summary.path("exempted").asInt()).isEqualTo(1);
        assertThat(summary.path("compliant").asInt()).isEqualTo((int) verdicts.values().stream().filter("compliant"::equals).count());
        assertThat(summary.path("builtin").asInt()).isEqualTo((int) verdicts.values().stream().filter("builtin"::equals).count());
    }

    @Test
    @Order(2)
    void eachFindingNamesTheSettingItsValueAndTheFix() {
        JsonNode json = admin.get(report);

        assertThat(findings(json, "legacy-wildcard")).anySatisfy(f -> {
            assertThat(f.path("rule").asText()).isEqualTo("exact-redirect-uri");
            assertThat(f.path("setting").asText()).isEqualTo("redirectUris");
            assertThat(f.path("value").asText()).isEqualTo("https://legacy.example/*");
            assertThat(f.path("fix").asText()).contains("Valid redirect URIs");
            assertThat(f.path("oneClickFix").asBoolean()).isFalse();
        });
        assertThat(findings(json, "legacy-http")).anySatisfy(f -> assertThat(f.path("value").asText()).isEqualTo("http://intranet.example/cb"));
        assertThat(findings(json, "legacy-implicit")).anySatisfy(f -> {
            assertThat(f.path("rule").asText()).isEqualTo("no-implicit-or-hybrid");
            assertThat(f.path("setting").asText()).isEqualTo("implicitFlowEnabled");
            assertThat(f.path("fix").asText()).contains("Implicit flow off");
            assertThat(f.path("oneClickFix").asBoolean()).isTrue();
        });
        assertThat(findings(json, "legacy-ropc")).singleElement()
                .satisfies(f -> assertThat(f.path("rule").asText()).isEqualTo("no-password-grant"));
        assertThat(findings(json, "no-pkce-setting")).singleElement().satisfies(f -> {
            assertThat(f.path("rule").asText()).isEqualTo("pkce-required");
            assertThat(f.path("fix").asText()).isEqualTo("set PKCE Method to S256 under Advanced > Advanced settings");
        });
        assertThat(findings(json, "native-loopback")).singleElement().satisfies(f -> {
            assertThat(f.path("rule").asText()).isEqualTo("refresh-token-rotation");
            assertThat(f.path("outcome").asText()).isEqualTo("changes");
        });
        assertThat(client(json, "exempted-batch").path("exemptions")).anySatisfy(e -> {
            assertThat(e.path("rule").asText()).isEqualTo("no-password-grant");
            assertThat(e.path("active").asBoolean()).isTrue();
        });
        assertThat(client(json, "security-admin-console").path("exemptions"))
                .anySatisfy(e -> assertThat(e.path("source").asText()).isEqualTo("built-in"));
    }

    @Test
    @Order(3)
    void redirectUrisRefusedAtRuntimeAreCountedAndListed() throws Exception {
        String requested = "https://legacy.example/callback";
        String query = "client_id=legacy-wildcard&response_type=code&scope=openid&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri=" + URLEncoder.encode(requested, StandardCharsets.UTF_8);
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(REALM.issuer() + "/protocol/openid-connect/auth?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);

        JsonNode runtime = client(admin.get(report), "legacy-wildcard").path("runtime");

        assertThat(runtime.path("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(runtime.path("lastSeen").asText()).isNotBlank();
        assertThat(runtime.path("redirectUrisSeen")).extracting(JsonNode::asText).contains(requested);
    }

    @Test
    @Order(4)
    void theReportAsCsvHasOneRowPerFinding() {
        HttpResponse<String> byParameter = AdminClient.expect(200, admin.get(report + "?format=csv", "application/json"));
        HttpResponse<String> byAccept = AdminClient.expect(200, admin.get(report, "text/csv"));

        assertThat(byParameter.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        List<String> rows = byAccept.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("realm,clientId,verdict,verdictWhenEnforced,rule,setting,value,fix,mode,outcome,runtimeCount,lastSeen");
        assertThat(rows).anyMatch(row -> row.startsWith(REALM.name() + ",compliant-web,compliant,compliant,,,,,,,"));
        assertThat(rows).anyMatch(row -> row.startsWith(REALM.name() + ",legacy-implicit,breaks,breaks,no-implicit-or-hybrid,implicitFlowEnabled,true,"));
        assertThat(rows).anyMatch(row -> row.startsWith(REALM.name() + ",no-pkce-setting,breaks,breaks,pkce-required,"));
        assertThat(byParameter.body().lines().count()).isEqualTo(rows.size());
    }

    @Test
    @Order(4)
    void theGateAnswersItsVerdictInAHeaderAndNamesAClientTheRealmLacks() {
        HttpResponse<String> realm = AdminClient.expect(200, admin.get(report + "?format=gate", "text/plain"));
        HttpResponse<String> passing = AdminClient.expect(200, admin.get(report + "?format=gate&client=compliant-web", "text/plain"));
        HttpResponse<String> narrowedCsv = AdminClient.expect(200, admin.get(report + "?format=csv&client=legacy-implicit", "text/csv"));
        HttpResponse<String> unknown = admin.get(report + "?format=gate&client=compliant-web&client=nope", "text/plain");

        assertThat(realm.headers().firstValue("Keyward-Gate")).contains("fail");
        assertThat(realm.body().lines()).anyMatch(line -> line.matches("^legacy-implicit\\s+breaks\\s+breaks\\s+no-implicit-or-hybrid.*"))
                .contains("  no-implicit-or-hybrid: implicitFlowEnabled = true  [mode enforce, breaks]")
                .anyMatch(line -> line.startsWith("    fix: "));
        assertThat(passing.headers().firstValue("Keyward-Gate")).contains("pass");
        assertThat(passing.body().lines().reduce((first, second) -> second))
                .contains("keyward-compliance: realm " + REALM.name() + ": no client breaks (1 client checked)");
        assertThat(narrowedCsv.body().lines().skip(1)).isNotEmpty().allMatch(row -> row.startsWith(REALM.name() + ",legacy-implicit,"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("has no client nope");
    }

    @Test
    @Order(5)
    void theServerWideViewSummarisesEveryRealmInMasterOnly() {
        JsonNode server = admin.get("realms/master/keyward-oauth21/compliance/realms");
        JsonNode realmSummary = admin.get(report).path("summary");

        assertThat(server.path("realms")).anySatisfy(realm -> {
            assertThat(realm.path("realm").asText()).isEqualTo(REALM.name());
            assertThat(realm.path("summary")).isEqualTo(realmSummary);
            assertThat(realm.path("summary").path("breaks").asInt()).isGreaterThanOrEqualTo(5);
            assertThat(realm.path("report").asText()).isEqualTo("/admin/" + report);
            assertThat(realm.path("modes").path("pkce-required").path("realm").asText()).isEqualTo("enforce");
        });
        assertThat(admin.get("realms/" + REALM.name() + "/keyward-oauth21/compliance/realms", "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void theServerFiltersSortsAndPagesTheClientsAndCountsThoseItLetThrough() {
        JsonNode breaking = admin.get(report + "?verdict=breaks&rule=pkce-required&sort=-clientId&first=0&max=1");
        JsonNode all = admin.get(report);

        assertThat(breaking.path("summary")).as("the summary stays the whole realm's").isEqualTo(all.path("summary"));
        List<String> expected = new ArrayList<>();
        all.path("clients").forEach(client -> {
            if (client.path("verdict").asText().equals("breaks")
                    && client.path("findings").findValuesAsText("rule").contains("pkce-required")) {
                expected.add(client.path("clientId").asText());
            }
        });
        expected.sort(Comparator.reverseOrder());
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(breaking.path("matched").asInt()).isEqualTo(expected.size());
        assertThat(breaking.path("clients")).hasSize(1);
        assertThat(breaking.path("clients").get(0).path("clientId").asText()).isEqualTo(expected.get(0));
        assertThat(admin.get(report + "?search=LEGACY-W").path("clients").findValuesAsText("clientId")).containsExactly("legacy-wildcard");
        assertThat(admin.get(report + "?client=legacy-http").path("clients").findValuesAsText("clientId")).containsExactly("legacy-http");
        assertThat(admin.get(report + "?verdict=breaks&format=csv", "text/csv").body()).contains("legacy-http").doesNotContain("compliant-web");
    }

    @Test
    @Order(6)
    void badQueryParametersAreRefusedWithAMessage() {
        HttpResponse<String> response = admin.get(report + "?windowDays=forever", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("windowDays must be a whole number from 1 to 366");
        for (String[] bad : new String[][] {{"verdict=broken", "verdict must be one of compliant, breaks"}, {"rule=pkce", "rule must be one of"},
                {"sort=name", "sort must be one of clientId, verdict, findings, runtime"}}) {
            HttpResponse<String> refused = admin.get(report + "?" + bad[0], "application/json");
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(refused.body()).as(bad[0]).contains(bad[1]);
        }
    }

    @Test
    @Order(7)
    void readingNeedsViewClientsAndFixingNeedsManageClients() {
        String auditor = "auditor-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String userId = admin.createMasterUser(auditor);
        AdminClient asAuditor = admin.as(auditor, auditor + "-password");

        assertThat(asAuditor.get(report, "application/json").statusCode()).isEqualTo(403);

        admin.grantRealmManagementRoles(userId, REALM.name(), "view-clients");
        JsonNode read = AdminClient.json(AdminClient.expect(200, asAuditor.get(report, "application/json")));

        HttpResponse<String> fix = asAuditor.post(report + "/fixes", Map.of("clientId", "no-pkce-setting", "rule", "pkce-required",
                "setting", "attributes.pkce.code.challenge.method", "version", client(read, "no-pkce-setting").path("version").asText()));
        assertThat(fix.statusCode()).isEqualTo(403);
        assertThat(client(admin.get(report), "no-pkce-setting").path("verdict").asText()).isEqualTo("breaks");
        AdminClient.expect(204, admin.delete("realms/master/users/" + userId));
    }

    @Test
    @Order(7)
    void anAdminWhoMayListClientsButViewNoneGetsAReportWithoutClients() {
        // Without realm-wide view-clients the report judges only the clients Keycloak's permissions let the admin view, one by one.
        String lister = "lister-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String userId = admin.createMasterUser(lister);
        admin.grantRealmManagementRoles(userId, REALM.name(), "query-clients");

        JsonNode read = AdminClient.json(AdminClient.expect(200, admin.as(lister, lister + "-password").get(report, "application/json")));

        assertThat(read.path("summary").path("clients").asInt()).isZero();
        assertThat(read.path("clients")).isEmpty();
        assertThat(admin.get(report).path("summary").path("clients").asInt()).as("the realm has clients").isPositive();
        AdminClient.expect(204, admin.delete("realms/master/users/" + userId));
    }

    @Test
    @Order(8)
    void aDamagedExemptionIsReportedAsUnreadableAndExemptsNothing() {
        ObjectNode ropc = (ObjectNode) admin.get("realms/" + REALM.name() + "/clients/" + clientUuid("legacy-http"));
        ((ObjectNode) ropc.path("attributes")).put("keyward.exemption.exact-redirect-uri", "{not json");
        AdminClient.expect(204, admin.put("realms/" + REALM.name() + "/clients/" + clientUuid("legacy-http"), ropc));

        JsonNode client = client(admin.get(report), "legacy-http");

        assertThat(client.path("verdict").asText()).isEqualTo("breaks");
        assertThat(client.path("exemptions")).anySatisfy(e -> {
            assertThat(e.path("rule").asText()).isEqualTo("exact-redirect-uri");
            assertThat(e.path("source").asText()).isEqualTo("unreadable");
            assertThat(e.path("active").asBoolean()).isFalse();
        });
    }

    @Test
    @Order(10)
    void aOneClickFixChangesTheClientRecordsTheChangeAndTheNextReportShowsItCompliant() {
        JsonNode before = client(admin.get(report), "legacy-implicit");

        JsonNode fixed = AdminClient.json(AdminClient.expect(200, admin.post(report + "/fixes", Map.of("clientId", "legacy-implicit",
                "rule", "no-implicit-or-hybrid", "setting", "implicitFlowEnabled", "version", before.path("version").asText()))));

        assertThat(fixed.path("changed").asBoolean()).isTrue();
        assertThat(fixed.path("before").asText()).isEqualTo("true");
        assertThat(fixed.path("after").asText()).isEqualTo("false");
        assertThat(client(admin.get(report), "legacy-implicit").path("verdict").asText()).isEqualTo("compliant");
        JsonNode clientRepresentation = admin.get("realms/" + REALM.name() + "/clients?clientId=legacy-implicit").get(0);
        assertThat(clientRepresentation.path("implicitFlowEnabled").asBoolean()).isFalse();
        List<JsonNode> events = new ArrayList<>();
        admin.get("realms/" + REALM.name() + "/admin-events?operationTypes=UPDATE&resourceTypes=CLIENT").forEach(events::add);
        assertThat(events).anySatisfy(event -> assertThat(event.path("representation").asText())
                .contains("\"setting\":\"implicitFlowEnabled\"", "\"before\":\"true\"", "\"after\":\"false\""));

        JsonNode again = AdminClient.json(AdminClient.expect(200, admin.post(report + "/fixes", Map.of("clientId", "legacy-implicit",
                "rule", "no-implicit-or-hybrid", "setting", "implicitFlowEnabled", "version", before.path("version").asText()))));
        assertThat(again.path("changed").asBoolean()).as("a fix of what is already fixed is a no-op").isFalse();
    }

    @Test
    @Order(11)
    void aFixOfAClientChangedSinceTheReportIsRefusedWithConflict() {
        JsonNode read = client(admin.get(report), "legacy-ropc");
        ObjectNode changed = (ObjectNode) admin.get("realms/" + REALM.name() + "/clients/" + clientUuid("legacy-ropc"));
        changed.put("publicClient", false).putArray("redirectUris").add("https://ropc.example/cb");
        AdminClient.expect(204, admin.put("realms/" + REALM.name() + "/clients/" + clientUuid("legacy-ropc"), changed));

        HttpResponse<String> stale = admin.post(report + "/fixes", Map.of("clientId", "legacy-ropc", "rule", "no-password-grant",
                "setting", "directAccessGrantsEnabled", "version", read.path("version").asText()));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.body()).contains("changed since the compliance report was read");
    }

    @Test
    @Order(12)
    void redirectUrisAreNeverFixedInOneClick() {
        JsonNode read = client(admin.get(report), "legacy-wildcard");

        HttpResponse<String> refused = admin.post(report + "/fixes", Map.of("clientId", "legacy-wildcard", "rule", "exact-redirect-uri",
                "setting", "redirectUris", "version", read.path("version").asText()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("no one-click fix for redirectUris");
    }

    private void grantExemption(String clientId, String rule) {
        AdminClient.expect(200, admin.put("realms/" + REALM.name() + "/keyward-oauth21/exemptions", Map.of("clientId", clientId,
                "rule", rule, "reason", "nightly batch until the new API ships", "expires", java.time.LocalDate.now().plusDays(30).toString())));
    }

    private String clientUuid(String clientId) {
        return admin.get("realms/" + REALM.name() + "/clients?clientId=" + clientId).get(0).path("id").asText();
    }

    private static Map<String, String> verdicts(JsonNode json) {
        Map<String, String> verdicts = new java.util.HashMap<>();
        json.path("clients").forEach(client -> verdicts.put(client.path("clientId").asText(), client.path("verdict").asText()));
        return verdicts;
    }

    @Test
    void eachPublicClientSaysWhetherItsRefreshTokensAreRotatedOrDpopBound() {
        JsonNode json = admin.get(report);

        assertThat(client(json, "native-loopback").path("refreshTokens").asText()).isEqualTo("rotation");
        JsonNode dpop = client(json, "dpop-native");
        assertThat(dpop.path("refreshTokens").asText()).isEqualTo("dpop");
        assertThat(dpop.path("findings")).as("bound refresh tokens need no rotation, so nothing changes for it").isEmpty();
        assertThat(dpop.path("verdictWhenEnforced").asText()).isEqualTo("compliant");
        assertThat(client(json, "compliant-web").path("refreshTokens").textValue()).as("a confidential client").isNull();
    }

    private static List<JsonNode> findings(JsonNode json, String clientId) {
        List<JsonNode> findings = new ArrayList<>();
        client(json, clientId).path("findings").forEach(findings::add);
        return findings;
    }
}
