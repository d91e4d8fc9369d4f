package dev.keyward.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading Keyward's compliance report ({@code GET …/keyward-oauth21/compliance}) in tests. */
public final class ComplianceReports {

    private ComplianceReports() {
    }

    /** The report's entry for one client; fails naming the clients it has when there is none. */
    public static JsonNode client(JsonNode report, String clientId) {
        for (JsonNode client : report.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("No client " + clientId + " in the report: " + report.path("clients"));
    }
}
