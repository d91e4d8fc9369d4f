package dev.keyward.oauth21.keycloak.discovery;

/** {@code /realms/{realm}/.well-known/openid-configuration}, trimmed to what the baseline allows. */
public class OidcDiscoveryProviderFactory extends TruthfulMetadataProviderFactory {

    public static final String PROVIDER_ID = "keyward-openid-configuration";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    String stockProviderId() {
        return "openid-configuration";
    }
}
