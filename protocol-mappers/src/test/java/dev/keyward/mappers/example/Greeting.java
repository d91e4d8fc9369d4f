package dev.keyward.mappers.example;

/** Builds the example mapper's claim, "Hello, Alice!": the decision, in plain Java, tested without Keycloak. */
public final class Greeting {

    private Greeting() {
    }

    /** The greeting for a user: by first name when there is one, else by username. */
    public static String of(GreetingConfig config, String firstName, String username) {
        String name = firstName == null || firstName.isBlank() ? username : firstName.strip();
        return config.salutation() + ", " + name + "!";
    }
}
