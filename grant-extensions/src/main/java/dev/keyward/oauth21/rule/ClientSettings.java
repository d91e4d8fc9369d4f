package dev.keyward.oauth21.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the rules need of a client's stored configuration: one value per {@link ClientSetting}, as
 * stored, and the views the rules judge (redirect URIs as in force, flows off for a bearer-only
 * client). Every way of reading a client, merging a registration and versioning it goes through the
 * list of settings, so a new setting cannot be left out of any of them.
 */
public final class ClientSettings {

    /** FNV-1's offset basis and prime, for {@link #version}. */
    private static final long VERSION_SEED = 0xcbf29ce484222325L;
    private static final long VERSION_MULTIPLIER = 0x100000001b3L;
    /** How Keycloak joins post-logout redirect URIs in their one attribute. */
    private static final String POST_LOGOUT_SEPARATOR = "##";
    private static final String SAME_AS_REDIRECT_URIS = "+";

    private final Map<ClientSetting, Object> stored;
    private final ServerUrls server;
    private final RealmSettings realm;
    /** The root URL that relative redirect and post-logout redirect URIs are joined to, placeholders resolved. */
    private final String rootUrlInForce;
    private final List<String> redirectUrisInForce;
    private final Set<String> redirectUrisOnThisServer;

    private ClientSettings(Map<ClientSetting, Object> stored, ServerUrls server, RealmSettings realm) {
        this.stored = stored;
        this.server = server;
        this.realm = realm;
        List<String> registered = list(ClientSetting.REDIRECT_URIS);
        String rootUrl = string(ClientSetting.ROOT_URL);
        String serverRoot = rootUrl == null ? null : server.resolve(rootUrl);
        this.rootUrlInForce = serverRoot != null ? serverRoot : rootUrl;
        this.redirectUrisInForce = inForce(registered, rootUrlInForce);
        this.redirectUrisOnThisServer = serverRoot == null ? Set.of() : inForce(registered.stream().filter(uri -> uri.startsWith("/")).toList(),
                serverRoot).stream().collect(Collectors.toUnmodifiableSet());
    }

    /** A client's settings, each read by {@code read} (null: the setting is not set). */
    public static ClientSettings read(Function<ClientSetting, Object> read) {
        Map<ClientSetting, Object> stored = new EnumMap<>(ClientSetting.class);
        for (ClientSetting setting : ClientSetting.values()) {
            stored.put(setting, setting.normalised(read.apply(setting)));
        }
        return new ClientSettings(stored, ServerUrls.UNKNOWN, RealmSettings.UNKNOWN);
    }

    /** The same settings judged on a server with these URLs: a root URL of {@code ${authBaseUrl}} is this server's. */
    public ClientSettings onServer(ServerUrls urls) {
        return new ClientSettings(stored, urls, realm);
    }

    /** The same settings in a realm with these settings, which the client inherits where it sets nothing of its own. */
    public ClientSettings inRealm(RealmSettings settings) {
        return new ClientSettings(this, settings);
    }

    /** The realm changes no URI in force: every request reads its client this way, so nothing is worked out twice. */
    private ClientSettings(ClientSettings settings, RealmSettings realm) {
        this.stored = settings.stored;
        this.server = settings.server;
        this.realm = realm;
        this.rootUrlInForce = settings.rootUrlInForce;
        this.redirectUrisInForce = settings.redirectUrisInForce;
        this.redirectUrisOnThisServer = settings.redirectUrisOnThisServer;
    }

    /**
     * The client a registration or update leaves behind: each setting as proposed (a key with a null
     * value clears it), else as {@code stored} before, else Keycloak's default for a new client.
     */
    public static ClientSettings merged(Map<ClientSetting, Object> proposed, ClientSettings stored) {
        return read(setting -> proposed.containsKey(setting) ? proposed.get(setting)
                : stored != null ? stored.value(setting) : setting.newClientDefault());
    }

    /** An absolute-URI client, as the rules' tests write one. */
    public ClientSettings(String clientId, boolean publicClient, List<String> redirectUris,
                          String pkceMethod, boolean standardFlow, boolean implicitFlow, boolean directAccessGrants) {
        this(read(setting -> switch (setting) {
            case CLIENT_ID -> clientId;
            case PUBLIC_CLIENT -> publicClient;
            case REDIRECT_URIS -> redirectUris;
            case PKCE_METHOD -> pkceMethod;
            case STANDARD_FLOW -> standardFlow;
            case IMPLICIT_FLOW -> implicitFlow;
            case DIRECT_ACCESS_GRANTS -> directAccessGrants;
            default -> null;
        }).stored, ServerUrls.UNKNOWN, RealmSettings.UNKNOWN);
    }

    /** A code-flow client as far as request checks care: its type and redirect URIs. */
    public ClientSettings(String clientId, boolean publicClient, List<String> redirectUris) {
        this(clientId, publicClient, redirectUris, null, true, false, false);
    }

    /** The same settings with one changed. */
    public ClientSettings with(ClientSetting setting, Object value) {
        Map<ClientSetting, Object> changed = new EnumMap<>(stored);
        changed.put(setting, setting.normalised(value));
        return new ClientSettings(changed, server, realm);
    }

    /** The value as stored (or Keycloak's new-client default where it is not set). */
    public Object value(ClientSetting setting) {
        return stored.get(setting);
    }

    public String clientId() {
        return string(ClientSetting.CLIENT_ID);
    }

    public boolean publicClient() {
        return flag(ClientSetting.PUBLIC_CLIENT);
    }

    /** As in force: relative URIs joined to the root URL. */
    public List<String> redirectUris() {
        return redirectUrisInForce;
    }

    /**
     * The redirect URIs in force that lie on this server's own URL (registered relative to a root URL of
     * {@code ${authBaseUrl}}, as Keycloak's consoles and Keyward's are): they have the server's own transport.
     */
    public boolean onThisServer(String redirectUri) {
        return redirectUrisOnThisServer.contains(redirectUri);
    }

    /** Keycloak's "PKCE Method" ({@code S256}, {@code plain}), null when not set. */
    public String pkceMethod() {
        return string(ClientSetting.PKCE_METHOD);
    }

    public boolean standardFlow() {
        return flow(ClientSetting.STANDARD_FLOW);
    }

    public boolean implicitFlow() {
        return flow(ClientSetting.IMPLICIT_FLOW);
    }

    public boolean directAccessGrants() {
        return flow(ClientSetting.DIRECT_ACCESS_GRANTS);
    }

    /** Whether the client signs users in at all: the code flow, the implicit flow or the password grant. */
    public boolean signsUsersIn() {
        return standardFlow() || implicitFlow() || directAccessGrants();
    }

    /** Whether the client obtains tokens at all: it signs users in or acts as itself (a bearer-only client does neither). */
    public boolean obtainsTokens() {
        return signsUsersIn() || serviceAccounts();
    }

    public boolean serviceAccounts() {
        return flow(ClientSetting.SERVICE_ACCOUNTS);
    }

    /** Whether Keycloak requires a DPoP proof of every token request, so that all the client's tokens are sender-constrained. */
    public boolean requiresDpop() {
        return switchedOn(ClientSetting.DPOP_BOUND_TOKENS);
    }

    public boolean fullScopeAllowed() {
        return flag(ClientSetting.FULL_SCOPE_ALLOWED);
    }

    /** As registered: origins, {@code +} (the redirect URIs' origins) or {@code *}. */
    public List<String> webOrigins() {
        return list(ClientSetting.WEB_ORIGINS);
    }

    /**
     * The profile the client is held to: the stricter of its realm's (for this client) and its own. A client that
     * obtains no tokens (bearer-only: a resource server) takes part in no flow a stricter profile judges.
     */
    public Profile profile() {
        return realmProfile().stricter(Profile.parse(string(ClientSetting.PROFILE)).orElse(Profile.OAUTH21));
    }

    /** The profile the realm (or the server) holds the client to, before its own {@code keyward.profile} raises it. */
    public Profile realmProfile() {
        return obtainsTokens() ? realm.profileOf(clientId()) : Profile.OAUTH21;
    }

    /** What the client inherits from its realm, and what the realm sets for all its clients. */
    public RealmSettings realm() {
        return realm;
    }

    /** How the client authenticates at the token endpoint: Keycloak's authenticator id ({@code client-jwt} is private_key_jwt). */
    public String clientAuthenticator() {
        return string(ClientSetting.CLIENT_AUTHENTICATOR);
    }

    public boolean requiresPushedRequests() {
        return switchedOn(ClientSetting.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS);
    }

    /** Whether authorization responses leave out RFC 9207's {@code iss}. */
    public boolean excludesIssuerFromResponse() {
        return switchedOn(ClientSetting.EXCLUDE_ISSUER_FROM_AUTH_RESPONSE);
    }

    /** Whether the client's access tokens are bound to its TLS certificate (RFC 8705). */
    public boolean certificateBoundTokens() {
        return switchedOn(ClientSetting.CERTIFICATE_BOUND_TOKENS);
    }

    /**
     * Where Keycloak stores the keys it verifies the client's private_key_jwt assertions with, in the order it looks:
     * empty when it fetches them from the client's {@code jwks.url}, else the stored key set ({@code jwks.string}),
     * else the stored certificate.
     */
    public Optional<ClientSetting> storedKeys() {
        return switchedOn(ClientSetting.USE_JWKS_URL) ? Optional.empty()
                : Optional.of(switchedOn(ClientSetting.USE_JWKS_STRING) ? ClientSetting.JWKS_STRING : ClientSetting.JWT_CERTIFICATE);
    }

    /** The algorithm the setting names, else the realm's default; null when neither is known. */
    public String signatureAlgorithm(ClientSetting setting) {
        String own = string(setting);
        return own != null && !own.isBlank() ? own.strip() : realm.defaultSignatureAlgorithm();
    }

    /** The client scopes every token carries, by name. */
    public List<String> defaultClientScopes() {
        return list(ClientSetting.DEFAULT_CLIENT_SCOPES);
    }

    /**
     * Seconds the client's access tokens live, as Keycloak issues them: its own lifespan where one is set, else its
     * realm's; -1 means until the user's session ends. Empty when it inherits a lifespan not known here, or its own is
     * not a number (then Keycloak issues no token at all).
     */
    public OptionalInt accessTokenLifespan() {
        if (inheritsAccessTokenLifespan()) {
            return realm.accessTokenLifespan() == null ? OptionalInt.empty() : OptionalInt.of(realm.accessTokenLifespan());
        }
        try {
            return OptionalInt.of(Integer.parseInt(string(ClientSetting.ACCESS_TOKEN_LIFESPAN).strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether the client's access tokens live as long as its realm says, having no lifespan of its own. */
    public boolean inheritsAccessTokenLifespan() {
        String own = string(ClientSetting.ACCESS_TOKEN_LIFESPAN);
        return own == null || own.isBlank();
    }

    /**
     * The post-logout redirect URIs registered besides {@code +} (which stands for the redirect URIs, judged by their
     * own rule), relative ones joined to the root URL as for redirect URIs.
     */
    public List<String> postLogoutRedirectUris() {
        String stored = string(ClientSetting.POST_LOGOUT_REDIRECT_URIS);
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        List<String> registered = Arrays.stream(stored.split(POST_LOGOUT_SEPARATOR)).map(String::strip)
                .filter(uri -> !uri.isEmpty() && !uri.equals(SAME_AS_REDIRECT_URIS)).toList();
        return inForce(registered, rootUrlInForce);
    }

    /**
     * A 64-bit hash of every setting, for a fix to notice that the client changed since the report was
     * read (an optimistic lock among admins, not a secret, so no cryptographic digest: a report on 10,000
     * clients computes one each). Independent of the order in which the store lists a list setting (a
     * set in Keycloak), and the same on every node and JVM.
     */
    public String version() {
        long hash = VERSION_SEED;
        for (Map.Entry<ClientSetting, Object> setting : stored.entrySet()) {
            hash = mix(hash, setting.getKey().id());
            if (setting.getValue() instanceof List<?> list) {
                List<String> values = new ArrayList<>(list.stream().map(String::valueOf).toList());
                Collections.sort(values);
                for (String value : values) {
                    hash = mix(hash, value);
                }
            } else {
                hash = mix(hash, setting.getValue() == null ? null : String.valueOf(setting.getValue()));
            }
        }
        return HexFormat.of().toHexDigits(hash);
    }

    /**
     * Keycloak lets a client register redirect URIs relative to its root URL ({@code /callback} with
     * root URL {@code https://app.example.com}); the URI in force is the two joined as strings.
     * Other relative URIs, and every absolute one, are returned as registered.
     */
    private static List<String> inForce(List<String> registered, String rootUrl) {
        if (rootUrl == null || rootUrl.isBlank() || registered.stream().noneMatch(uri -> uri.startsWith("/"))) {
            return registered;
        }
        String root = rootUrl.endsWith("/") ? rootUrl.substring(0, rootUrl.length() - 1) : rootUrl;
        return registered.stream().map(uri -> uri.startsWith("/") ? root + uri : uri).toList();
    }

    /** Polynomial hash of the text, then a separator, so that "ab","c" and "a","bc" differ; null differs from "". */
    private static long mix(long hash, String text) {
        if (text == null) {
            return hash * VERSION_MULTIPLIER + 1;
        }
        long mixed = hash;
        for (int i = 0; i < text.length(); i++) {
            mixed = mixed * VERSION_MULTIPLIER + text.charAt(i);
        }
        return mixed * VERSION_MULTIPLIER + 2;
    }

    private boolean flow(ClientSetting setting) {
        return !flag(ClientSetting.BEARER_ONLY) && flag(setting);
    }

    private boolean flag(ClientSetting setting) {
        return (Boolean) stored.get(setting);
    }

    /** An attribute Keycloak stores as the text {@code true} when switched on. */
    private boolean switchedOn(ClientSetting setting) {
        return "true".equals(string(setting));
    }

    private String string(ClientSetting setting) {
        return (String) stored.get(setting);
    }

    @SuppressWarnings("unchecked")
    private List<String> list(ClientSetting setting) {
        return (List<String>) stored.get(setting);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientSettings settings && stored.equals(settings.stored);
    }

    @Override
    public int hashCode() {
        return stored.hashCode();
    }

    @Override
    public String toString() {
        return "ClientSettings" + stored;
    }
}
