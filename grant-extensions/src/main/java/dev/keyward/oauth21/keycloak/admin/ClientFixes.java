package dev.keyward.oauth21.keycloak.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.oauth21.compliance.ReportedFinding;
import dev.keyward.oauth21.keycloak.clients.StoredSetting;

/**
 * One-click fixes: sets a setting to the one safe value its finding names, only on the client the
 * report showed (its version), and records the change with its before and after values as an
 * admin event on the client. Redirect URIs are never rewritten: a person must decide them.
 */
final class ClientFixes {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RealmScan scan;

    ClientFixes(RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent, RealmScan scan) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.scan = scan;
    }

    ComplianceRepresentation.FixResult apply(ComplianceRepresentation.FixRequest request) {
        if (request == null || request.clientId() == null || request.rule() == null || request.setting() == null || request.version() == null) {
            throw ErrorResponse.error("A JSON body with clientId, rule, setting and version (from the compliance report) is required",
                    Response.Status.BAD_REQUEST);
        }
        ClientModel client = NamedClient.of(realm, auth, request.clientId());
        auth.clients().requireManage(client);
        RealmScan.Scanned scanned = scan.scan(client);
        Optional<ReportedFinding> finding = scanned.review().findings().stream()
                .filter(f -> f.rule().id().equals(request.rule()) && f.setting().equals(request.setting())).findFirst();
        if (finding.isEmpty()) {
            return new ComplianceRepresentation.FixResult(request.clientId(), request.rule(), request.setting(), false, null, null,
                    scanned.review().version(), "Nothing to fix: the client no longer has this finding.");
        }
        if (!scanned.review().version().equals(request.version())) {
            throw ErrorResponse.error("Client " + request.clientId() + " changed since the compliance report was read; read the report"
                    + " again and fix what it shows then", Response.Status.CONFLICT);
        }
        if (!finding.get().fixableInOneClick()) {
            throw ErrorResponse.error("There is no one-click fix for " + request.setting() + ": " + finding.get().fix(),
                    Response.Status.BAD_REQUEST);
        }
        String before = finding.get().value();
        String after = finding.get().safeValue();
        set(client, request.setting(), after);
        Map<String, String> change = new LinkedHashMap<>();
        change.put("keywardRule", request.rule());
        change.put("setting", request.setting());
        change.put("before", before);
        change.put("after", after);
        adminEvent.resource(ResourceType.CLIENT).operation(OperationType.UPDATE).resourcePath("clients", client.getId())
                .representation(change).success();
        return new ComplianceRepresentation.FixResult(request.clientId(), request.rule(), request.setting(), true, before, after,
                scan.scan(client).review().version(), "Fixed: " + request.setting() + " is now " + after + ".");
    }

    private static void set(ClientModel client, String setting, String value) {
        StoredSetting.byId(setting).filter(StoredSetting::writable)
                .orElseThrow(() -> ErrorResponse.error("There is no one-click fix for " + setting, Response.Status.BAD_REQUEST))
                .write(client, value);
    }
}
