package dev.keyward.oauth21.discovery;

import java.util.function.Predicate;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;

import dev.keyward.oauth21.baseline.Mode;
import dev.keyward.oauth21.baseline.RuleId;
import dev.keyward.oauth21.enforcement.RuleModes;
import dev.keyward.oauth21.metadata.AdvertisedMetadata;

/** Keycloak's discovery document for the current realm, minus what the realm's enforcing rules forbid. */
public class TruthfulMetadataProvider implements WellKnownProvider {

    private final KeycloakSession session;
    private final WellKnownProvider stock;
    private final RuleModes modes;

    TruthfulMetadataProvider(KeycloakSession session, WellKnownProvider stock, RuleModes modes) {
        this.session = session;
        this.stock = stock;
        this.modes = modes;
    }

    @Override
    public Object getConfig() {
        Object config = stock.getConfig();
        RealmModel realm = session.getContext().getRealm();
        if (!(config instanceof OIDCConfigurationRepresentation metadata)
                || modes.modeOf(RuleId.TRUTHFUL_METADATA, realm, null) != Mode.ENFORCE) {
            return config;
        }
        Predicate<RuleId> enforced = rule -> modes.modeOf(rule, realm, null) == Mode.ENFORCE;
        metadata.setCodeChallengeMethodsSupported(AdvertisedMetadata.codeChallengeMethods(metadata.getCodeChallengeMethodsSupported(), enforced));
        metadata.setResponseTypesSupported(AdvertisedMetadata.responseTypes(metadata.getResponseTypesSupported(), enforced));
        metadata.setGrantTypesSupported(AdvertisedMetadata.grantTypes(metadata.getGrantTypesSupported(), enforced));
        return metadata;
    }

    /** Keycloak's own provider is closed with the session that made it. */
    @Override
    public void close() {
    }
}
