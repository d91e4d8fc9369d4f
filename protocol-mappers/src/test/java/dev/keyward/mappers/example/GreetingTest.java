package dev.keyward.mappers.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keyward.settings.Problems;

class GreetingTest {

    @Test
    void greetsByFirstNameElseByUsername() {
        GreetingConfig config = GreetingConfig.read(Map.of(GreetingConfig.SALUTATION.key(), " Welcome "), new Problems());

        assertThat(Greeting.of(config, "Alice", "alice")).isEqualTo("Welcome, Alice!");
        assertThat(Greeting.of(config, " ", "bob")).isEqualTo("Welcome, bob!");
        assertThat(Greeting.of(config, null, "bob")).isEqualTo("Welcome, bob!");
    }

    @Test
    void aMissingSalutationTakesTheDefaultAndATooLongOneIsAProblem() {
        Problems none = new Problems();
        assertThat(GreetingConfig.read(Map.of(), none).salutation()).isEqualTo("Hello");
        assertThat(none.isEmpty()).isTrue();

        Problems problems = new Problems();
        GreetingConfig tooLong = GreetingConfig.read(Map.of(GreetingConfig.SALUTATION.key(), "x".repeat(41)), problems);
        assertThat(tooLong.salutation()).as("the fallback").isEqualTo("Hello");
        assertThat(problems.list()).containsExactly(
                new Problems.Problem(GreetingConfig.SALUTATION.key(), "Salutation must be at most 40 characters, not 41."));
    }
}
