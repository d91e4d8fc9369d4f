package dev.keyward.mappers.keycloak.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.GroupMembershipMapper;
import org.keycloak.protocol.oidc.mappers.UserClientRoleMappingMapper;
import org.keycloak.protocol.oidc.mappers.UserRealmRoleMappingMapper;
import org.keycloak.representations.AccessToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.keyward.mappers.keycloak.access.FilteredAccessClaimsMapper;
import dev.keyward.mappers.keycloak.audience.ResourceAudienceMapper;
import dev.keyward.mappers.keycloak.template.ClaimsTemplateMapper;

/**
 * Cost per access token of each Keyward mapper and of Keycloak's own role and group mappers, for
 * one user with 500 roles (300 realm roles, 200 client roles of 10 clients) and 100 groups (10
 * parents with 10 subgroups each), called the way Keycloak calls them (transformAccessToken).
 * Run with {@code mvn -pl pack -Pbench verify -DskipTests -Djmh.benchmarks=MappersBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MappersBenchmark {

    private final UserRealmRoleMappingMapper stockRealmRoles = new UserRealmRoleMappingMapper();
    private final UserClientRoleMappingMapper stockClientRoles = new UserClientRoleMappingMapper();
    private final GroupMembershipMapper stockGroups = new GroupMembershipMapper();
    private final FilteredAccessClaimsMapper keywardAccess = new FilteredAccessClaimsMapper();
    private final ClaimsTemplateMapper keywardTemplate = new ClaimsTemplateMapper();
    private final ResourceAudienceMapper keywardAudience = new ResourceAudienceMapper();

    private ProtocolMapperModel stockRealmModel;
    private ProtocolMapperModel stockClientModel;
    private ProtocolMapperModel stockGroupsModel;
    private ProtocolMapperModel keywardRolesByClient;
    private ProtocolMapperModel keywardRolesFiltered;
    private ProtocolMapperModel keywardGroups;
    private ProtocolMapperModel keywardRolesAndGroups;
    private ProtocolMapperModel keywardHasura;
    private ProtocolMapperModel keywardAudienceModel;
    private UserSessionModel userSession;
    private ClientSessionContext clientSessionCtx;
    private KeycloakContext context;

    @Setup
    public void setUp() {
        RealmModel realm = Fakes.of(RealmModel.class, Map.of("getName", Fakes.value("bench"), "getId", Fakes.value("realm-id")));
        List<ClientModel> clients = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            clients.add(client("client-" + c));
        }
        ClientModel app = client("app");
        context = Fakes.of(KeycloakContext.class, Map.of("getClient", Fakes.value(app), "getRealm", Fakes.value(realm)));
        List<RoleModel> roles = new ArrayList<>();
        for (int r = 0; r < 300; r++) {
            roles.add(role("realm-role-" + r, realm, false));
        }
        for (int r = 0; r < 200; r++) {
            roles.add(role("client-role-" + r, clients.get(r % 10), true));
        }
        List<GroupModel> groups = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            GroupModel parent = group("parent-" + p, null);
            for (int g = 0; g < 10; g++) {
                groups.add(group("team-" + g, parent));
            }
        }
        UserModel user = Fakes.of(UserModel.class, Map.of(
                "getId", Fakes.value("user-id"), "getUsername", Fakes.value("bench-user"),
                "getGroupsStream", (p, a) -> groups.stream(),
                "getAttributeStream", (p, a) -> List.of("acme").stream()));
        userSession = Fakes.of(UserSessionModel.class, Map.of("getUser", Fakes.value(user), "getRealm", Fakes.value(realm)));
        AuthenticatedClientSessionModel clientSession = Fakes.of(AuthenticatedClientSessionModel.class, Map.of(
                "getId", Fakes.value("client-session-id"), "getClient", Fakes.value(app), "getUserSession", Fakes.value(userSession)));
        clientSessionCtx = Fakes.of(ClientSessionContext.class, Map.of(
                "getRolesStream", (p, a) -> roles.stream(), "getClientSession", Fakes.value(clientSession),
                "getScopeString", Fakes.value("openid profile email")));

        stockRealmModel = model("realm roles", "realm_access.roles", Map.of("multivalued", "true"));
        stockClientModel = model("client roles", "resource_access.${client_id}.roles", Map.of("multivalued", "true"));
        stockGroupsModel = model("groups", "groups", Map.of("full.path", "true"));
        keywardRolesByClient = model("keyward roles", "access", Map.of("shape", "by-client"));
        keywardRolesFiltered = model("keyward filtered", "access", Map.of("shape", "by-client", "groups", "true",
                "include", "realm-role-1*##*/client-role-1*##/parent-1/*", "strip-prefix", "realm-", "max-bytes", "4096"));
        keywardGroups = model("keyward groups", "groups", Map.of("realm-roles", "false", "client-roles", "false", "groups", "true"));
        keywardRolesAndGroups = model("keyward roles and groups", "access", Map.of("shape", "by-client", "groups", "true"));
        keywardHasura = model("keyward hasura", "https://hasura\\.io/jwt/claims", Map.of("template", """
                {"x-hasura-allowed-roles": "{{ roles.realm }}", "x-hasura-default-role": "{{ user.attribute.role | string | default(\\"user\\") }}",
                 "x-hasura-user-id": "{{ user.id }}", "x-hasura-tenant": "{{ user.attribute.tenant }}"}"""));
        keywardAudienceModel = model("keyward audience", null, Map.of(
                "allowed-resources", "https://orders.example/##https://billing.example/api", "default-audience", "https://orders.example/"));
    }

    /** Keycloak's realm-role and client-role mappers together: realm_access and resource_access, all 500 roles. */
    @Benchmark
    public AccessToken stockRealmAndClientRoles() {
        KeycloakSession session = session();
        AccessToken token = stockRealmRoles.transformAccessToken(new AccessToken(), stockRealmModel, session, userSession, clientSessionCtx);
        return stockClientRoles.transformAccessToken(token, stockClientModel, session, userSession, clientSessionCtx);
    }

    /** The same 500 roles in one claim, by client (realm roles under "realm"). */
    @Benchmark
    public AccessToken keywardRolesByClient() {
        return keywardAccess.transformAccessToken(new AccessToken(), keywardRolesByClient, session(), userSession, clientSessionCtx);
    }

    /** Roles and groups with three include patterns, a prefix strip and a 4 kB budget. */
    @Benchmark
    public AccessToken keywardRolesAndGroupsFiltered() {
        return keywardAccess.transformAccessToken(new AccessToken(), keywardRolesFiltered, session(), userSession, clientSessionCtx);
    }

    /** Keycloak's group-membership mapper, full paths, 100 groups. */
    @Benchmark
    public AccessToken stockGroupPaths() {
        return stockGroups.transformAccessToken(new AccessToken(), stockGroupsModel, session(), userSession, clientSessionCtx);
    }

    /** The same 100 group paths through Keyward's mapper. */
    @Benchmark
    public AccessToken keywardGroupPaths() {
        return keywardAccess.transformAccessToken(new AccessToken(), keywardGroups, session(), userSession, clientSessionCtx);
    }

    /** A typical token: Keycloak's realm-role, client-role and group mappers together (500 roles, 100 group paths). */
    @Benchmark
    public AccessToken stockRolesAndGroups() {
        KeycloakSession session = session();
        AccessToken token = stockRealmRoles.transformAccessToken(new AccessToken(), stockRealmModel, session, userSession, clientSessionCtx);
        token = stockClientRoles.transformAccessToken(token, stockClientModel, session, userSession, clientSessionCtx);
        return stockGroups.transformAccessToken(token, stockGroupsModel, session, userSession, clientSessionCtx);
    }

    /** The same roles and group paths in Keyward's one claim, by client. */
    @Benchmark
    public AccessToken keywardRolesAndGroups() {
        return keywardAccess.transformAccessToken(new AccessToken(), keywardRolesAndGroups, session(), userSession, clientSessionCtx);
    }

    /** A Hasura claims object with the 300 realm roles. */
    @Benchmark
    public AccessToken keywardClaimsTemplate() {
        return keywardTemplate.transformAccessToken(new AccessToken(), keywardHasura, session(), userSession, clientSessionCtx);
    }

    /** Audience from the default (no resource parameter). */
    @Benchmark
    public AccessToken keywardResourceAudience() {
        return keywardAudience.transformAccessToken(new AccessToken(), keywardAudienceModel, session(), userSession, clientSessionCtx);
    }

    /** A fresh session per token: Keycloak caches resolved roles in session attributes for one request. */
    private KeycloakSession session() {
        Map<String, Object> attributes = new HashMap<>();
        BiFunction<Object, Object[], Object> get = (p, a) -> attributes.get((String) a[0]);
        return Fakes.of(KeycloakSession.class, Map.of(
                "getAttribute", get,
                "setAttribute", (p, a) -> attributes.put((String) a[0], a[1]),
                "removeAttribute", (p, a) -> attributes.remove((String) a[0]),
                "getContext", Fakes.value(context)));
    }

    private static ProtocolMapperModel model(String name, String claim, Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(settings);
        config.put("access.token.claim", "true");
        if (claim != null) {
            config.put("claim.name", claim);
        }
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName(name);
        model.setConfig(config);
        return model;
    }

    private static ClientModel client(String clientId) {
        return Fakes.of(ClientModel.class, Map.of("getClientId", Fakes.value(clientId), "getId", Fakes.value(clientId + "-id")));
    }

    private static RoleModel role(String name, Object container, boolean clientRole) {
        return Fakes.of(RoleModel.class, Map.of("getName", Fakes.value(name), "getContainer", Fakes.value(container),
                "isClientRole", Fakes.value(clientRole), "getId", Fakes.value(name + "-id"),
                "getContainerId", Fakes.value(clientRole ? ((ClientModel) container).getId() : "realm-id")));
    }

    private static GroupModel group(String name, GroupModel parent) {
        return Fakes.of(GroupModel.class, Map.of("getName", Fakes.value(name), "getParent", Fakes.value(parent),
                "getParentId", Fakes.value(parent == null ? null : parent.getId()), "getId", Fakes.value(name + "-" + System.identityHashCode(name))));
    }
}
