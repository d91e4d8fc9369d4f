package dev.keyward.oauth21.keycloak.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.exemption.ExemptionRequest;
import dev.keyward.oauth21.keycloak.modes.ClientExemptions;
import dev.keyward.oauth21.keycloak.modes.RuleModes;

/**
 * {@code /admin/realms/{realm}/keyward-oauth21}: the modes in force ({@code GET modes}), and the
 * realm's exemptions: list every one (built-in and granted), grant one (PUT), or remove one
 * (DELETE). Granting and removing are admin events on the client.
 */
public class Oauth21AdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RuleModes modes;

    Oauth21AdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent,
                         RuleModes modes) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.CLIENT);
        this.modes = modes;
    }

    @GET
    @Path("modes")
    @Produces(MediaType.APPLICATION_JSON)
    public ModesRepresentation modes() {
        auth.realm().requireViewRealm();
        return ModesRepresentation.of(modes, realm);
    }

    /** The compliance report of the realm's clients, its one-click fixes, and (in master) the server-wide view. */
    @Path("compliance")
    public ComplianceResource compliance() {
        return new ComplianceResource(session, realm, auth, adminEvent, modes);
    }

    @GET
    @Path("exemptions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ExemptionRepresentation> list() {
        auth.clients().requireList();
        List<ExemptionRepresentation> exemptions = new ArrayList<>();
        for (BuiltInExemptions.BuiltIn builtIn : BuiltInExemptions.ALL) {
            if (builtIn.appliesIn(realm.getName()) && realm.getClientByClientId(builtIn.clientId()) != null) {
                exemptions.add(ExemptionRepresentation.builtIn(builtIn));
            }
        }
        realm.getClientsStream()
                .filter(auth.clients()::canView)
                .forEach(client -> ClientExemptions.all(client, modes.rules()).forEach(e -> exemptions.add(representation(client, e))));
        return exemptions;
    }

    @PUT
    @Path("exemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ExemptionRepresentation grant(ExemptionGrant grant) {
        if (grant == null) {
            throw ErrorResponse.error("A JSON body with clientId, rule, reason and expires is required", Response.Status.BAD_REQUEST);
        }
        ClientModel client = NamedClient.of(realm, auth, grant.clientId());
        auth.clients().requireManage(client);
        Instant now = modes.now();
        ExemptionGrants.Outcome outcome = new ExemptionGrants(modes).grant(client,
                new ExemptionRequest(grant.rule(), grant.reason(), grant.expires()), auth.adminAuth().getUser().getUsername(), now);
        if (!outcome.problems().isEmpty()) {
            throw ErrorResponse.error(String.join("; ", outcome.problems()), Response.Status.BAD_REQUEST);
        }
        Exemption exemption = outcome.exemption();
        boolean replaces = outcome.replaced();
        ExemptionRepresentation representation = representation(client, exemption);
        adminEvent.operation(replaces ? OperationType.UPDATE : OperationType.CREATE)
                .resourcePath("clients", client.getId(), "keyward-exemptions", exemption.rule().id())
                .representation(representation)
                .success();
        return representation;
    }

    @DELETE
    @Path("exemptions")
    public Response remove(@QueryParam("clientId") String clientId, @QueryParam("rule") String ruleId) {
        ClientModel client = NamedClient.of(realm, auth, clientId);
        auth.clients().requireManage(client);
        Optional<ExemptionGrants.Refusal> refusal = new ExemptionGrants(modes).revoke(client, ruleId);
        if (refusal.isPresent()) {
            throw ErrorResponse.error(refusal.get().message(),
                    refusal.get().unknownRule() ? Response.Status.BAD_REQUEST : Response.Status.NOT_FOUND);
        }
        adminEvent.operation(OperationType.DELETE)
                .resourcePath("clients", client.getId(), "keyward-exemptions", ruleId)
                .success();
        return Response.noContent().build();
    }

    private ExemptionRepresentation representation(ClientModel client, Exemption exemption) {
        return ExemptionRepresentation.granted(client.getClientId(), exemption, modes.policy().active(exemption));
    }
}
