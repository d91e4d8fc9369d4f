package dev.keyward.oauth21.fapi2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.keyward.oauth21.rule.ClientAssertion;
import dev.keyward.oauth21.rule.ClientSettings;

class ClientAssertionsTest {

    private static final ClientSettings CLIENT = new ClientSettings("bank", false, List.of("https://bank.example/cb"));
    private static final String ISSUER = "https://sso.example/realms/bank";

    private static ClientAssertion read(String claims) {
        return ClientAssertions.read(CLIENT, claims.getBytes(StandardCharsets.UTF_8), ISSUER);
    }

    @Test
    void theAudienceIsReadAsSentAStringOrAnArray() {
        ClientAssertion string = read("{\"iss\":\"bank\",\"aud\":\"" + ISSUER + "\",\"cnf\":{\"aud\":\"nested\"},\"exp\":1}");
        assertThat(string.audience()).containsExactly(ISSUER);
        assertThat(string.audienceArray()).isFalse();

        ClientAssertion array = read("{\"aud\":[\"" + ISSUER + "\"],\"jti\":\"x\"}");
        assertThat(array.audience()).containsExactly(ISSUER);
        assertThat(array.audienceArray()).as("an array of one is still an array").isTrue();

        ClientAssertion nested = read("{\"aud\":[[\"a\"],{\"b\":1},\"c\"],\"sub\":\"bank\"}");
        assertThat(nested.audience()).as("values that are no strings are kept as what they start with").containsExactly("[", "{", "c");
    }

    @Test
    void anAssertionWithoutAudienceHasNoneAndClaimsThatAreNoJsonObjectAreRefused() {
        assertThat(read("{\"sub\":\"bank\"}").audience()).isEmpty();
        assertThat(read("{\"aud\":null}").audience()).isEmpty();
        assertThatThrownBy(() -> read("[\"aud\"]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"aud\":")).isInstanceOf(IllegalArgumentException.class);
    }
}
