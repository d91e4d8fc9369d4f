package dev.keyward.oauth21.keycloak.discovery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;
import dev.keyward.oauth21.keycloak.executor.Oauth21ExecutorFactory;
import dev.keyward.oauth21.keycloak.modes.RuleModes;

/**
 * Serves a discovery document under Keycloak's own alias, ahead of Keycloak's provider
 * (Keycloak picks the lowest priority), and trims what enforcing rules forbid.
 */
abstract class TruthfulMetadataProviderFactory implements WellKnownProviderFactory, StatelessProviderFactory<WellKnownProvider> {

    /** Keycloak's own providers have priority 100; the lowest wins. */
    private static final int AHEAD_OF_KEYCLOAK = 10;

    private RuleModes modes;
    private boolean availableViaServerMetadata;

    /** The id of Keycloak's provider whose document this one trims; it is also the alias served. */
    abstract String stockProviderId();

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        return new TruthfulMetadataProvider(session, session.getProvider(WellKnownProvider.class, stockProviderId()), modes);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        modes = Oauth21ExecutorFactory.ruleModes(factory);
        WellKnownProviderFactory stock = (WellKnownProviderFactory) factory.getProviderFactory(WellKnownProvider.class, stockProviderId());
        availableViaServerMetadata = ServerMetadataPath.servedFor(stock);
    }

    /**
     * Served under {@code /.well-known/{alias}/realms/{realm}} too exactly where Keycloak serves its
     * own document there (RFC 8414 section 3 for the authorization server metadata): the path would
     * answer 404 otherwise, since this factory now owns the alias. Not an override before Keycloak 26.6,
     * where the interface lacks it and nothing asks.
     */
    public boolean isAvailableViaServerMetadata() {
        return availableViaServerMetadata;
    }

    @Override
    public String getAlias() {
        return stockProviderId();
    }

    @Override
    public int getPriority() {
        return AHEAD_OF_KEYCLOAK;
    }
}
