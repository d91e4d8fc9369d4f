package dev.keyward.mappers.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimTemplateTest {

    private static final Map<String, List<String>> ALICE = new HashMap<>(Map.of(
            "user.id", List.of("f3b1"),
            "user.username", List.of("alice"),
            "user.emailVerified", List.of("true"),
            "user.attribute.tenant", List.of("acme"),
            "user.attribute.quota", List.of("25"),
            "user.attribute.ratio", List.of("0.75"),
            "user.attribute.beta", List.of("TRUE"),
            "user.attribute.teams", List.of("red", "blue"),
            "roles.realm", List.of("admin", "user"),
            "scopes", List.of("openid", "profile")));
    private static final TemplateValues VALUES = source -> ALICE.getOrDefault(
            source.kind().syntax() + source.name(), List.of());

    private static Map<String, Object> render(String template) throws TemplateException {
        return ClaimTemplate.parse(template).render(VALUES, true);
    }

    @Test
    void hasuraClaimsWithTypedValuesAndDefaults() throws TemplateException {
        Map<String, Object> claim = render("""
                {
                  "x-hasura-allowed-roles": "{{ roles.realm }}",
                  "x-hasura-default-role": "{{ user.attribute.defaultRole | string | default(\\"user\\") }}",
                  "x-hasura-user-id": "{{ user.id }}",
                  "x-hasura-org": "org-{{ user.attribute.tenant }}"
                }""");

        assertThat(claim).containsExactly(
                Map.entry("x-hasura-allowed-roles", List.of("admin", "user")),
                Map.entry("x-hasura-default-role", "user"),
                Map.entry("x-hasura-user-id", "f3b1"),
                Map.entry("x-hasura-org", "org-acme"));
    }

    @Test
    void valuesAreTyped() throws TemplateException {
        Map<String, Object> claim = render("""
                {"quota": "{{user.attribute.quota|number}}", "ratio": "{{user.attribute.ratio|number}}",
                 "beta": "{{user.attribute.beta|boolean}}", "verified": "{{user.emailVerified|boolean}}",
                 "teams": "{{user.attribute.teams|array}}", "firstTeam": "{{user.attribute.teams}}",
                 "scope": "{{scopes|string}}", "literal": [1, true, null, "x"]}""");

        assertThat(claim.get("quota")).isEqualTo(25L);
        assertThat(claim.get("ratio")).isEqualTo(new BigDecimal("0.75"));
        assertThat(claim.get("beta")).isEqualTo(true);
        assertThat(claim.get("verified")).isEqualTo(true);
        assertThat(claim.get("teams")).isEqualTo(List.of("red", "blue"));
        assertThat(claim.get("firstTeam")).isEqualTo("red");
        assertThat(claim.get("scope")).isEqualTo("openid profile");
        assertThat(claim.get("literal")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly(1L, true, "x");
    }

    @Test
    void aValueThatDoesNotFitItsTypeCountsAsMissingAndTakesTheDefault() throws TemplateException {
        Map<String, Object> claim = render("""
                {"n": "{{ user.attribute.tenant | number | default(0) }}", "b": "{{ user.attribute.quota | boolean }}"}""");

        assertThat(claim).containsExactly(Map.entry("n", 0L));
    }

    @Test
    void emptyFieldsAreLeftOutOrNullWhenAsked() throws TemplateException {
        String template = """
                {"dept": "{{ user.attribute.department }}", "nested": {"x": "{{ session.note.none }}"}, "list": ["{{ user.email }}", "a"]}""";

        assertThat(ClaimTemplate.parse(template).render(VALUES, true)).containsExactly(Map.entry("list", List.of("a")));
        Map<String, Object> withNulls = ClaimTemplate.parse(template).render(VALUES, false);
        assertThat(withNulls).containsKeys("dept", "nested");
        assertThat(withNulls.get("dept")).isNull();
        assertThat(withNulls.get("list")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly(null, "a");
    }

    @Test
    void nestedObjectsAndNamespacedNamesAreKept() throws TemplateException {
        Map<String, Object> claim = render("""
                {"https://hasura.io/jwt/claims": {"x-hasura-user-id": "{{user.id}}"}, "ünï": {"日本": "{{user.username}}"}}""");

        assertThat(claim).containsEntry("https://hasura.io/jwt/claims", Map.of("x-hasura-user-id", "f3b1"))
                .containsEntry("ünï", Map.of("日本", "alice"));
    }

    @Test
    void textAroundPlaceholdersIsKeptAndBracesInsideDefaultsDoNotConfuseTheParser() throws TemplateException {
        Map<String, Object> claim = render("""
                {"a": "{{ user.attribute.none | default(\\"}}|(\\") }}!", "b": "plain {text}"}""");

        assertThat(claim).containsExactly(Map.entry("a", "}}|(!"), Map.entry("b", "plain {text}"));
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertError("{\"a\": \"{{ user.atribute.x }}\"}", "line 1, column 7 (at /a): unknown source 'user.atribute.x'; sources are user.id");
        assertError("{\n  \"a\": 1,\n  \"b\": [\n}", "line 4, column 1: not valid JSON");
        assertError("{\"a\": 1, \"a\": 2}", "not valid JSON: Duplicate field 'a'");
        assertError("[1]", "line 1, column 1: the template must be a JSON object");
        assertError("{\"a\": \"{{ user.id \"}", "(at /a): '{{' without its closing '}}'");
        assertError("{\"a\": \"x }}\"}", "(at /a): '}}' without '{{'");
        assertError("{\"a\": \"{{ user.id | integer }}\"}", "unknown filter 'integer'");
        assertError("{\"a\": \"{{ user.id | number | default(\\\"x\\\") }}\"}", "the default x is not a number");
        assertError("{\"a\": \"{{ user.id | default(nope) }}\"}", "default(nope) is not JSON");
        assertError("{\"a\": \"n={{ user.attribute.q | number }}\"}", "a placeholder inside text is always text");
        assertError("{\"a\": 1} {}", "unexpected content after the template's closing }");
        assertError("", "The template is empty");
        assertError("   ", "The template is empty");
    }

    @Test
    void hostileTemplatesAreRefusedNotRun() {
        assertError("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", "not valid JSON");
        assertError("{\"a\": \"" + "x".repeat(70_000) + "\"}", "the limit is 65536");
        StringBuilder many = new StringBuilder("{\"a\": \"");
        many.append("{{user.id}}".repeat(1_001)).append("\"}");
        assertError(many.toString(), "more than 1000 placeholders");
    }

    private static void assertError(String template, String message) {
        assertThatThrownBy(() -> ClaimTemplate.parse(template)).isInstanceOf(TemplateException.class).hasMessageContaining(message);
    }

    @Test
    void aNumberTooLargeToHoldIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> ClaimTemplate.parse("{\"n\": 1E111115111111111111111}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("out of range").hasMessageContaining("/n");
    }

    @Test
    void aDefaultNumberTooLargeToHoldIsRefused() {
        assertThatThrownBy(() -> ClaimTemplate.parse("{\"n\": \"{{ user.attribute.quota | default(1e100000011) }}\"}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("out of range");
    }
}
