package dev.keyward.testing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The events Keyward stored in a realm's event store, read through the admin REST API. */
public final class KeywardEvents {

    private final AdminClient admin;
    private final String realm;

    public KeywardEvents(AdminClient admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    /** Keyward's events of this type and client, newest first (Keycloak may store its own error event beside each). */
    public List<JsonNode> of(String type, String clientId) {
        return keywardEvents("events?type=" + type + "&client=" + clientId + "&max=50");
    }

    public JsonNode latest(String type, String clientId) {
        List<JsonNode> events = of(type, clientId);
        if (events.isEmpty()) {
            throw new AssertionError("No Keyward " + type + " event of client " + clientId + " in realm " + realm);
        }
        return events.get(0);
    }

    /**
     * Keyward's report-mode findings in requests of this type (e.g. {@code LOGIN}) of this client, newest first:
     * stored as {@code CLIENT_INFO} events, never as the request's error type, since the request goes on.
     */
    public List<JsonNode> reported(String requestType, String clientId) {
        return of("CLIENT_INFO", clientId).stream()
                .filter(event -> requestType.equals(event.path("details").path("keyward_request").asText())).toList();
    }

    public JsonNode latestReported(String requestType, String clientId) {
        List<JsonNode> events = reported(requestType, clientId);
        if (events.isEmpty()) {
            throw new AssertionError("No Keyward finding reported in a " + requestType + " request of client " + clientId + " in realm " + realm);
        }
        return events.get(0);
    }

    /** Every Keyward event of the realm, of any type. */
    public List<JsonNode> all() {
        return keywardEvents("events?max=500");
    }

    private List<JsonNode> keywardEvents(String query) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : admin.get("realms/" + realm + "/" + query)) {
            if (isKeywards(event)) {
                found.add(event);
            }
        }
        return found;
    }

    /** Keyward marks every event it records or adds to with at least one {@code keyward_*} detail. */
    private static boolean isKeywards(JsonNode event) {
        for (var names = event.path("details").fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("keyward_")) {
                return true;
            }
        }
        return false;
    }
}
