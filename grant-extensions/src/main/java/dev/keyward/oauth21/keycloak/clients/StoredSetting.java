package dev.keyward.oauth21.keycloak.clients;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.keycloak.models.ClientModel;
import org.keycloak.representations.idm.ClientRepresentation;

import dev.keyward.oauth21.rule.ClientSetting;

/**
 * How each {@link ClientSetting} is read from and written to Keycloak, declared once: from a
 * {@link ClientModel} (requests, fixes), from a {@link ClientRepresentation} (registrations and
 * updates), from Keycloak's database in bulk (the compliance report: a column or a joined collection
 * of {@code ClientEntity}, or a row of {@code ClientAttributeEntity}), and, for a setting a one-click
 * fix may change, how the fix writes it. A setting held in a client attribute needs only its id: the
 * attribute's readers and writer follow from it.
 */
public enum StoredSetting {

    CLIENT_ID(field(ClientModel::getClientId, ClientRepresentation::getClientId)),
    PUBLIC_CLIENT(field(ClientModel::isPublicClient, ClientRepresentation::isPublicClient)),
    BEARER_ONLY(field(ClientModel::isBearerOnly, ClientRepresentation::isBearerOnly)),
    ROOT_URL(field(ClientModel::getRootUrl, ClientRepresentation::getRootUrl)),
    REDIRECT_URIS(collection(client -> List.copyOf(client.getRedirectUris()), ClientRepresentation::getRedirectUris)),
    PKCE_METHOD(attribute()),
    STANDARD_FLOW(fixableFlag(ClientModel::isStandardFlowEnabled, ClientRepresentation::isStandardFlowEnabled, ClientModel::setStandardFlowEnabled)),
    IMPLICIT_FLOW(fixableFlag(ClientModel::isImplicitFlowEnabled, ClientRepresentation::isImplicitFlowEnabled, ClientModel::setImplicitFlowEnabled)),
    DIRECT_ACCESS_GRANTS(fixableFlag(ClientModel::isDirectAccessGrantsEnabled, ClientRepresentation::isDirectAccessGrantsEnabled,
            ClientModel::setDirectAccessGrantsEnabled)),
    WEB_ORIGINS(collection(client -> List.copyOf(client.getWebOrigins()), ClientRepresentation::getWebOrigins)),
    POST_LOGOUT_REDIRECT_URIS(attribute()),
    FULL_SCOPE_ALLOWED(field(ClientModel::isFullScopeAllowed, ClientRepresentation::isFullScopeAllowed)),
    SERVICE_ACCOUNTS(field(ClientModel::isServiceAccountsEnabled, ClientRepresentation::isServiceAccountsEnabled)),
    DPOP_BOUND_TOKENS(attribute()),
    DEFAULT_CLIENT_SCOPES(new Access(Bulk.DEFAULT_CLIENT_SCOPES, client -> client.getClientScopes(true).keySet().stream().sorted().toList(),
            ClientRepresentation::getDefaultClientScopes, StoredSetting::keepDefaultClientScopes)),
    ACCESS_TOKEN_LIFESPAN(attribute()),
    PROFILE(attribute()),
    CLIENT_AUTHENTICATOR(field(ClientModel::getClientAuthenticatorType, ClientRepresentation::getClientAuthenticatorType)),
    REQUIRE_PUSHED_AUTHORIZATION_REQUESTS(attribute()),
    EXCLUDE_ISSUER_FROM_AUTH_RESPONSE(attribute()),
    CERTIFICATE_BOUND_TOKENS(attribute()),
    ID_TOKEN_SIGNATURE_ALGORITHM(attribute()),
    ACCESS_TOKEN_SIGNATURE_ALGORITHM(attribute()),
    CLIENT_ASSERTION_SIGNATURE_ALGORITHM(attribute()),
    USE_JWKS_STRING(attribute()),
    JWKS_STRING(attribute()),
    USE_JWKS_URL(attribute()),
    JWT_CERTIFICATE(attribute());

    /** Where the bulk read finds a setting: the client's default client scopes are rows of their own, joined to the scopes' names. */
    public enum Bulk { COLUMN, COLLECTION, ATTRIBUTE, DEFAULT_CLIENT_SCOPES }

    private record Access(Bulk bulk, Function<ClientModel, Object> model, Function<ClientRepresentation, Object> representation,
                          BiConsumer<ClientModel, String> write) {
    }

    private final ClientSetting setting;
    private final Access access;

    StoredSetting(Access access) {
        this.setting = ClientSetting.valueOf(name());
        if (setting.ordinal() != ordinal()) {
            throw new IllegalStateException("StoredSetting " + name() + " must be declared in the place of ClientSetting " + name());
        }
        this.access = access.bulk() == Bulk.ATTRIBUTE ? attributeAccess(setting.attribute()) : access;
    }

    /** In the order of {@link ClientSetting}, which the constructor checks constant by constant. */
    private static final StoredSetting[] BY_SETTING = values();

    public static StoredSetting of(ClientSetting setting) {
        return BY_SETTING[setting.ordinal()];
    }

    /** The setting a finding, a fix or an event names by its id. */
    public static Optional<StoredSetting> byId(String id) {
        return Arrays.stream(BY_SETTING).filter(stored -> stored.setting.id().equals(id)).findFirst();
    }

    public ClientSetting setting() {
        return setting;
    }

    public Object read(ClientModel client) {
        return access.model().apply(client);
    }

    /** The proposed value, or null when the representation leaves the setting out (see {@link #proposes}). */
    public Object read(ClientRepresentation client) {
        return access.representation().apply(client);
    }

    /** Whether the representation gives the setting; for an attribute, a key with a null value clears it. */
    public boolean proposes(ClientRepresentation client) {
        return access.bulk() == Bulk.ATTRIBUTE ? client.getAttributes() != null && client.getAttributes().containsKey(setting.attribute())
                : read(client) != null;
    }

    public Bulk bulk() {
        return access.bulk();
    }

    /** The {@code ClientEntity} field (column or collection) or the client attribute the bulk read takes. */
    public String bulkName() {
        return access.bulk() == Bulk.ATTRIBUTE ? setting.attribute() : setting.id();
    }

    /** Whether a one-click fix may write this setting. */
    public boolean writable() {
        return access.write() != null;
    }

    /** Writes the fix's value; only for a {@link #writable} setting. */
    public void write(ClientModel client, String value) {
        if (access.write() == null) {
            throw new IllegalStateException(setting.id() + " is not written by one-click fixes");
        }
        access.write().accept(client, value);
    }

    private static Access field(Function<ClientModel, Object> model, Function<ClientRepresentation, Object> representation) {
        return new Access(Bulk.COLUMN, model, representation, null);
    }

    private static Access fixableFlag(Function<ClientModel, Object> model, Function<ClientRepresentation, Object> representation,
                                      BiConsumer<ClientModel, Boolean> write) {
        return new Access(Bulk.COLUMN, model, representation, (client, value) -> write.accept(client, Boolean.parseBoolean(value)));
    }

    private static Access collection(Function<ClientModel, Object> model, Function<ClientRepresentation, Object> representation) {
        return new Access(Bulk.COLLECTION, model, representation, null);
    }

    /**
     * The client's default client scopes become exactly those named (space-separated); each other default scope stays
     * assigned as optional, so that the client can still ask for it.
     */
    private static void keepDefaultClientScopes(ClientModel client, String names) {
        List<String> kept = Arrays.asList(names.split(" "));
        client.getClientScopes(true).entrySet().stream().filter(scope -> !kept.contains(scope.getKey())).toList().forEach(scope -> {
            client.removeClientScope(scope.getValue());
            client.addClientScope(scope.getValue(), false);
        });
    }

    /** A placeholder: the constructor derives an attribute's access from the setting's id. */
    private static Access attribute() {
        return new Access(Bulk.ATTRIBUTE, null, null, null);
    }

    private static Access attributeAccess(String attribute) {
        return new Access(Bulk.ATTRIBUTE, client -> client.getAttribute(attribute),
                client -> client.getAttributes() == null ? null : client.getAttributes().get(attribute),
                (client, value) -> client.setAttribute(attribute, value));
    }
}
