package dev.keyward.oauth21.keycloak.discovery;

/** {@code /.well-known/oauth-authorization-server/realms/{realm}} (RFC 8414), trimmed to what the baseline allows. */
public class OAuthServerMetadataProviderFactory extends TruthfulMetadataProviderFactory {

    public static final String PROVIDER_ID = "keyward-oauth-authorization-server";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    String stockProviderId() {
        return "oauth-authorization-server";
    }
}
