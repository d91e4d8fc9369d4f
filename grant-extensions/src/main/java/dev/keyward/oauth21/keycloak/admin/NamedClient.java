package dev.keyward.oauth21.keycloak.admin;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The client an admin request names by clientId. */
final class NamedClient {

    private NamedClient() {
    }

    /**
     * The client, or 404; a 404 only for an admin who may list the realm's clients (403 otherwise), so that
     * nobody else learns which clients exist. The caller still checks what the admin may do with the client.
     */
    static ClientModel of(RealmModel realm, AdminPermissionEvaluator auth, String clientId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null) {
            auth.clients().requireList();
            throw ErrorResponse.error("No client with clientId " + clientId + " in realm " + realm.getName(), Response.Status.NOT_FOUND);
        }
        return client;
    }
}
