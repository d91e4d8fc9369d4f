package dev.keyward.oauth21.keycloak.executor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;
import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.keycloak.modes.RuleModes;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.settings.Problems;

/**
 * The client-policy executor that enforces the OAuth 2.1 baseline. Keyward's security profile
 * puts it into a global policy for every client of every realm. Server options:
 * {@code --spi-client-policy-executor--keyward-oauth21--mode} and {@code ...--rule-<id>}.
 */
public class Oauth21ExecutorFactory implements ClientPolicyExecutorProviderFactory, ServerInfoAwareProviderFactory,
        StatelessProviderFactory<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = "keyward-oauth21";

    private static final Logger LOG = Logger.getLogger(Oauth21ExecutorFactory.class);

    private final Baseline baseline = Baseline.oauth21();
    private BaselineConfig config = BaselineConfig.defaults(baseline);

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new Oauth21Executor(session, ruleModes(), baseline);
    }

    public RuleModes ruleModes() {
        return new RuleModes(config);
    }

    /** The server's modes, for Keyward's other providers: call from their {@code postInit}. */
    public static RuleModes ruleModes(KeycloakSessionFactory factory) {
        return ((Oauth21ExecutorFactory) factory.getProviderFactory(ClientPolicyExecutorProvider.class, PROVIDER_ID)).ruleModes();
    }

    @Override
    public void init(Config.Scope scope) {
        Collection<String> optionNames;
        boolean serverScope = true;
        try {
            optionNames = scope.getPropertyNames().stream().map(Oauth21ExecutorFactory::withoutSpiPrefix).collect(Collectors.toSet());
        } catch (UnsupportedOperationException componentScope) {
            // Keycloak also initialises a copy per policy with a component scope, which cannot list
            // names but falls back to the server options; startup has already checked the names.
            optionNames = BaselineConfig.optionNames(baseline);
            serverScope = false;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : optionNames) {
            String value = scope.get(name);
            if (value != null || serverScope) {
                options.put(name, value);
            }
        }
        Problems problems = new Problems();
        BaselineConfig read = BaselineConfig.read(options, baseline, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Keyward: " + String.join("; ", problems.messages()));
        }
        config = read;
        if (serverScope) {
            LOG.infof("Keyward OAuth 2.1 baseline for every realm: %s", describe(config.effectiveModes()));
        }
    }

    private static String describe(Map<RuleId, Mode> modes) {
        return modes.entrySet().stream().map(e -> e.getKey().id() + "=" + e.getValue().id()).collect(Collectors.joining(", "));
    }

    /** {@code kc.spi-client-policy-executor--keyward-oauth21--rule-x} (or the one-dash legacy form) to {@code rule-x}. */
    private static String withoutSpiPrefix(String propertyName) {
        int provider = propertyName.indexOf(PROVIDER_ID);
        String option = provider < 0 ? propertyName : propertyName.substring(provider + PROVIDER_ID.length());
        return option.replaceFirst("^-+", "");
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Keyward: enforces the server's OAuth 2.1 baseline (PKCE S256, exact redirect URIs, no implicit or password grant)."
                + " Its modes are server options, not profile settings.";
    }

    /** The executor has no per-profile settings: the baseline is configured once for the server. */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    /** The server options, documented where Keycloak lists SPI options. */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        builder.property()
                .name(BaselineConfig.MODE)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Mode.ids())
                .defaultValue(BaselineConfig.DEFAULT_MODE.id())
                .helpText("Mode of every rule without its own mode: off, report (let through, record an event) or enforce (reject);"
                        + " the client-hygiene rules at most report.")
                .add();
        builder.property()
                .name(BaselineConfig.EXEMPTION_MAX_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(BaselineConfig.DEFAULT_EXEMPTION_MAX_DAYS)
                .helpText("How many days an exemption may last at most; 0 forbids exemptions.")
                .add();
        for (RuleId rule : baseline.ruleIds()) {
            builder.property()
                    .name(BaselineConfig.RULE_PREFIX + rule.id())
                    .type(ProviderConfigProperty.LIST_TYPE)
                    .options(Mode.ids())
                    .helpText("Mode of the rule " + rule.id() + "; overrides the global mode" + Optional.ofNullable(baseline.blanketCeilings().get(rule))
                            .map(ceiling -> ", which takes this client-hygiene rule at most to " + ceiling.id() + ".").orElse("."))
                    .add();
        }
        return builder.build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        config.effectiveModes().forEach((rule, mode) -> info.put(BaselineConfig.RULE_PREFIX + rule.id(), mode.id()));
        return info;
    }
}
