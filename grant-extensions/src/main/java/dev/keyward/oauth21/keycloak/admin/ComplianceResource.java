package dev.keyward.oauth21.keycloak.admin;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

import dev.keyward.oauth21.baseline.BuiltInExemptions;
import dev.keyward.oauth21.compliance.ClientQuery;
import dev.keyward.oauth21.compliance.ComplianceCsv;
import dev.keyward.oauth21.compliance.ComplianceGate;
import dev.keyward.oauth21.compliance.ComplianceSummary;
import dev.keyward.oauth21.compliance.FindingTrend;
import dev.keyward.oauth21.compliance.RuntimeActivity;
import dev.keyward.oauth21.keycloak.modes.RuleModes;

/**
 * {@code /admin/realms/{realm}/keyward-oauth21/compliance}: every OpenID Connect client of the realm
 * judged by the baseline's rules on its stored settings, joined with Keyward's findings at runtime
 * and its exemptions (JSON, or CSV with {@code Accept: text/csv} or {@code ?format=csv}, or the CI gate's
 * verdict with {@code ?format=gate}; {@code client=} narrows CSV and gate to some clients); the
 * server-wide summary ({@code /realms}, master only); findings per day and rule ({@code /trend}); a client's refused or
 * reported requests ({@code /clients/{clientId}/evidence}); and one-click fixes ({@code POST /fixes}).
 */
public class ComplianceResource {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8.name());
    static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8.name());
    static final String GATE_HEADER = "Keyward-Gate";
    private static final int DEFAULT_WINDOW_DAYS = 30;
    private static final int MAX_WINDOW_DAYS = 366;
    private static final int DEFAULT_PAGE = 1_000;
    private static final int DEFAULT_EVIDENCE = 100;
    private static final int MAX_EVIDENCE = 1_000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RuleModes modes;

    ComplianceResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent,
                       RuleModes modes) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.modes = modes;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "text/plain"})
    public Response report(@QueryParam("windowDays") String windowDays, @QueryParam("first") String first, @QueryParam("max") String max,
                           @QueryParam("format") String format, @QueryParam("client") List<String> only,
                           @QueryParam("whenEnforced") String whenEnforced, @QueryParam("verdict") String verdict,
                           @QueryParam("rule") String rule, @QueryParam("search") String search, @QueryParam("sort") String sort) {
        auth.clients().requireList();
        int days = number("windowDays", windowDays, DEFAULT_WINDOW_DAYS, 1, MAX_WINDOW_DAYS);
        String answer = format(format);
        ClientQuery query = query(verdict, rule, search, sort);
        Instant now = modes.now();
        List<RealmScan.Scanned> scanned = new RealmScan(session, realm, modes).all(auth);
        Map<String, RuntimeActivity> runtime = RuntimeFindings.read(session, realm, Duration.ofDays(days), now);
        Map<String, RealmScan.Scanned> byClientId = new HashMap<>();
        List<ComplianceGate.Entry> entries = new ArrayList<>(scanned.size());
        for (RealmScan.Scanned client : scanned) {
            byClientId.put(client.clientId(), client);
            entries.add(new ComplianceGate.Entry(client.review(), runtime.getOrDefault(client.clientId(), RuntimeActivity.NONE)));
        }
        List<String> missing = ComplianceGate.missing(entries, only);
        if (!missing.isEmpty()) {
            throw ErrorResponse.error("realm " + realm.getName() + " has no client " + String.join(", ", missing), Response.Status.BAD_REQUEST);
        }
        List<ComplianceGate.Entry> shown = query.apply(ComplianceGate.only(entries, only));
        if (!answer.equals("json")) {
            return answer.equals("csv") ? Response.ok(csv(shown), CSV).build() : gate(shown, whenEnforced);
        }
        int from = number("first", first, 0, 0, Integer.MAX_VALUE);
        int size = number("max", max, DEFAULT_PAGE, 1, Integer.MAX_VALUE);
        List<ComplianceRepresentation.Client> clients = new ArrayList<>();
        for (ComplianceGate.Entry entry : shown.subList(Math.min(from, shown.size()), (int) Math.min((long) from + size, shown.size()))) {
            clients.add(ComplianceRepresentation.Client.of(entry.review(), exemptions(byClientId.get(entry.review().clientId())), entry.runtime()));
        }
        ModesRepresentation inForce = ModesRepresentation.of(modes, realm);
        return Response.ok(new ComplianceRepresentation(realm.getName(), now.toString(), days, inForce.rules(),
                ComplianceSummary.of(scanned.stream().map(RealmScan.Scanned::review).toList()), shown.size(), from, size, clients,
                inForce.profile()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The summary of every realm whose clients the admin may list; served in the master realm only. */
    @GET
    @Path("realms")
    @Produces(MediaType.APPLICATION_JSON)
    public ComplianceRepresentation.Server server() {
        if (!"master".equals(realm.getName())) {
            throw ErrorResponse.error("The server-wide compliance view is served in the master realm:"
                    + " /admin/realms/master/keyward-oauth21/compliance/realms", Response.Status.NOT_FOUND);
        }
        auth.realm().requireViewRealm();
        List<ComplianceRepresentation.RealmSummary> realms = new ArrayList<>();
        session.realms().getRealmsStream().forEach(other -> {
            AdminPermissionEvaluator there = AdminPermissions.evaluator(session, other, auth.adminAuth());
            if (there.clients().canList()) {
                ComplianceSummary summary = ComplianceSummary.of(new RealmScan(session, other, modes).all(there).stream()
                        .map(RealmScan.Scanned::review).toList());
                realms.add(new ComplianceRepresentation.RealmSummary(other.getName(), summary,
                        "/admin/realms/" + other.getName() + "/keyward-oauth21/compliance", ModesRepresentation.of(modes, other).rules()));
            }
        });
        return new ComplianceRepresentation.Server(modes.now().toString(), realms);
    }

    /** Keyward's runtime findings per day (UTC), rule and outcome over the window: the chart an operator watches fall to zero. */
    @GET
    @Path("trend")
    @Produces(MediaType.APPLICATION_JSON)
    public FindingTrend trend(@QueryParam("windowDays") String windowDays) {
        auth.clients().requireList();
        return RuntimeFindings.trend(session, realm, number("windowDays", windowDays, DEFAULT_WINDOW_DAYS, 1, MAX_WINDOW_DAYS), modes.now());
    }

    /** A client's newest refused or reported requests (at most {@code max}, default 100): the redirect URIs it really sends. */
    @GET
    @Path("clients/{clientId}/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ComplianceRepresentation.Evidence> evidence(@PathParam("clientId") String clientId, @QueryParam("windowDays") String windowDays,
                                                            @QueryParam("max") String max) {
        auth.clients().requireView(NamedClient.of(realm, auth, clientId));
        return RuntimeFindings.evidence(session, realm, clientId, Duration.ofDays(number("windowDays", windowDays, DEFAULT_WINDOW_DAYS, 1,
                MAX_WINDOW_DAYS)), modes.now(), number("max", max, DEFAULT_EVIDENCE, 1, MAX_EVIDENCE));
    }

    @POST
    @Path("fixes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ComplianceRepresentation.FixResult fix(ComplianceRepresentation.FixRequest request) {
        return new ClientFixes(realm, auth, adminEvent, new RealmScan(session, realm, modes)).apply(request);
    }

    private StreamingOutput csv(List<ComplianceGate.Entry> entries) {
        return output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            writer.write(ComplianceCsv.HEADER + "\r\n");
            for (ComplianceGate.Entry entry : entries) {
                for (String row : ComplianceCsv.rows(realm.getName(), entry.review(), entry.runtime())) {
                    writer.write(row + "\r\n");
                }
            }
            writer.flush();
        };
    }

    /** The CI gate's table and result line (text), and its verdict in the {@code Keyward-Gate} header: pass or fail. */
    private Response gate(List<ComplianceGate.Entry> entries, String whenEnforced) {
        if (whenEnforced != null && !whenEnforced.equals("true") && !whenEnforced.equals("false")) {
            throw ErrorResponse.error("whenEnforced must be true or false", Response.Status.BAD_REQUEST);
        }
        ComplianceGate.Answer answer = new ComplianceGate("true".equals(whenEnforced)).judge(realm.getName(), entries);
        return Response.ok(String.join("\n", answer.lines()) + "\n", TEXT).header(GATE_HEADER, answer.passes() ? "pass" : "fail").build();
    }

    private List<ExemptionRepresentation> exemptions(RealmScan.Scanned client) {
        List<ExemptionRepresentation> exemptions = new ArrayList<>();
        BuiltInExemptions.forClient(realm.getName(), client.clientId())
                .forEach(builtIn -> exemptions.add(ExemptionRepresentation.builtIn(builtIn)));
        client.exemptions().forEach(e -> exemptions.add(ExemptionRepresentation.granted(client.clientId(), e, modes.policy().active(e))));
        client.unreadableExemptions().forEach(rule -> exemptions.add(ExemptionRepresentation.unreadable(client.clientId(), rule)));
        return exemptions;
    }

    private ClientQuery query(String verdict, String rule, String search, String sort) {
        try {
            return ClientQuery.of(verdict, rule, search, sort, modes.rules());
        } catch (IllegalArgumentException e) {
            throw ErrorResponse.error(e.getMessage(), Response.Status.BAD_REQUEST);
        }
    }

    /** json, csv or gate: from {@code format}, else csv when the client prefers it. */
    private String format(String format) {
        if (format != null) {
            if (!List.of("json", "csv", "gate").contains(format)) {
                throw ErrorResponse.error("format must be json, csv or gate", Response.Status.BAD_REQUEST);
            }
            return format;
        }
        List<MediaType> accepted = session.getContext().getRequestHeaders().getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(CSV) && !accepted.get(0).isWildcardType() ? "csv" : "json";
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ErrorResponse.error(name + " must be a whole number from " + min + " to " + max, Response.Status.BAD_REQUEST);
    }
}
