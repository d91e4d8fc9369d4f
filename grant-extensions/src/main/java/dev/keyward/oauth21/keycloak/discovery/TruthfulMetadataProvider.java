package dev.keyward.oauth21.keycloak.discovery;

import java.util.function.Predicate;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.keycloak.modes.RuleModes;
import dev.keyward.oauth21.rule.Metadata;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.RuleId;

/** Keycloak's discovery document for the current realm, as the baseline lets it advertise. */
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
        if (!(config instanceof OIDCConfigurationRepresentation document)) {
            return config;
        }
        RealmModel realm = session.getContext().getRealm();
        Baseline baseline = Baseline.oauth21();
        Profile profile = modes.realmSettings(realm).profile();
        Predicate<RuleId> enforced = rule -> profile.includes(baseline.profile(rule)) && modes.realmMode(rule, realm) == Mode.ENFORCE;
        Metadata advertised = baseline.advertised(new Metadata(document.getCodeChallengeMethodsSupported(),
                document.getResponseTypesSupported(), document.getGrantTypesSupported(), document.getTokenEndpointAuthMethodsSupported(),
                document.getTokenEndpointAuthSigningAlgValuesSupported(), document.getIdTokenSigningAlgValuesSupported(),
                document.getDpopSigningAlgValuesSupported(), document.getRequirePushedAuthorizationRequests()), enforced);
        document.setCodeChallengeMethodsSupported(advertised.codeChallengeMethods());
        document.setResponseTypesSupported(advertised.responseTypes());
        document.setGrantTypesSupported(advertised.grantTypes());
        document.setTokenEndpointAuthMethodsSupported(advertised.tokenEndpointAuthMethods());
        document.setTokenEndpointAuthSigningAlgValuesSupported(advertised.tokenEndpointAuthSigningAlgorithms());
        document.setIdTokenSigningAlgValuesSupported(advertised.idTokenSigningAlgorithms());
        document.setDpopSigningAlgValuesSupported(advertised.dpopSigningAlgorithms());
        document.setRequirePushedAuthorizationRequests(advertised.requirePushedAuthorizationRequests());
        return document;
    }

    /** Keycloak's own provider is closed with the session that made it. */
    @Override
    public void close() {
    }
}
