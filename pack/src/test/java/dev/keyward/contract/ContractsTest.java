package dev.keyward.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProviderFactory;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import dev.keyward.keycloak.condition.JudgedRequestsConditionFactory;
import dev.keyward.oauth21.rule.Finding;

/**
 * The contracts between modules that only the assembling module sees whole: the global policy
 * set it ships names executors that other modules provide, and the theme recognises Keyward's
 * refusals by the prefix the rule kernel declares.
 */
class ContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyExecutorOfTheGlobalProfilesIsRegisteredInTheJar() throws IOException {
        List<String> registered = registeredIds(ClientPolicyExecutorProviderFactory.class);
        List<String> named = new ArrayList<>();
        read("keyward-oauth21-client-profiles.json").path("profiles")
                .forEach(profile -> profile.path("executors").forEach(executor -> named.add(executor.path("executor").asText())));

        assertThat(named).isNotEmpty().contains("keyward-oauth21");
        assertThat(registered).containsAll(named);
    }

    @Test
    void everyGlobalPolicyUsesAShippedProfile() throws IOException {
        List<String> profiles = new ArrayList<>();
        read("keyward-oauth21-client-profiles.json").path("profiles").forEach(profile -> profiles.add(profile.path("name").asText()));
        List<String> used = new ArrayList<>();
        read("keyward-oauth21-client-policies.json").path("policies")
                .forEach(policy -> policy.path("profiles").forEach(profile -> used.add(profile.asText())));

        assertThat(used).isNotEmpty();
        assertThat(profiles).containsAll(used);
    }

    @Test
    void oneGlobalPolicyRunsEveryProfile() throws IOException {
        // Keycloak builds every policy's conditions anew for each client-policy event of each request:
        // one policy with both profiles costs half of two (docs/performance.md).
        JsonNode policies = read("keyward-oauth21-client-policies.json").path("policies");
        List<String> profiles = new ArrayList<>();
        read("keyward-oauth21-client-profiles.json").path("profiles").forEach(profile -> profiles.add(profile.path("name").asText()));

        assertThat(policies).hasSize(1);
        assertThat(policies.get(0).path("profiles")).extracting(JsonNode::asText).containsExactlyElementsOf(profiles);
    }

    @Test
    void theGlobalPolicyRunsOnlyForRequestsKeywardJudgesWithAConditionInTheJar() throws IOException {
        // With any-client, Keycloak would build both executors for every event of every request (docs/performance.md).
        List<String> registered = registeredIds(ClientPolicyConditionProviderFactory.class);
        List<String> named = new ArrayList<>();
        read("keyward-oauth21-client-policies.json").path("policies")
                .forEach(policy -> policy.path("conditions").forEach(condition -> named.add(condition.path("condition").asText())));

        assertThat(named).containsExactly(JudgedRequestsConditionFactory.PROVIDER_ID);
        assertThat(registered).contains(JudgedRequestsConditionFactory.PROVIDER_ID);
    }

    @Test
    void theErrorPageRecognisesKeywardsRefusalsByTheKernelsPrefix() throws IOException {
        // FreeMarker cannot read a Java constant; this ties the template's literal to the one in the kernel.
        String errorPage = text("theme/keyward/login/error.ftl");

        assertThat(errorPage).contains("starts_with(\"" + Finding.DESCRIPTION_PREFIX + "\")");
    }

    /** The ids of the factories of this SPI that the JAR registers in META-INF/services. */
    private static List<String> registeredIds(Class<? extends ProviderFactory<?>> spi) {
        return ServiceLoader.load(spi).stream().map(ServiceLoader.Provider::get).map(ProviderFactory::getId).toList();
    }

    private static JsonNode read(String resource) throws IOException {
        return JSON.readTree(text(resource));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
