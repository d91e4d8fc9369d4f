package dev.keyward.authenticators.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.keyward.settings.MultivaluedSetting;
import dev.keyward.settings.Problems;

/**
 * The consent step's settings.
 *
 * @param rememberFor how long a confirmed consent is reused; zero asks at every login
 * @param alwaysAsk   client scopes asked about at every login, remembered or not
 * @param clients     which clients the step asks for
 */
public record ConsentConfig(Duration rememberFor, Set<String> alwaysAsk, Clients clients) {

    public static final String REMEMBER_FOR = "remember-for";
    public static final String ALWAYS_ASK_SCOPES = "always-ask-scopes";
    public static final String CLIENTS = "clients";
    public static final String DEFAULT_REMEMBER_FOR = "90d";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    public ConsentConfig {
        alwaysAsk = Set.copyOf(alwaysAsk);
    }

    /** Which clients the step asks for. */
    public enum Clients {
        /** Only clients with Keycloak's "Consent required" switch on; the step replaces Keycloak's screen for them. */
        CONSENT_REQUIRED("consent-required"),
        /** Every client that reaches the step; narrow it with a conditional sub-flow. */
        ALL("all");

        private final String value;

        Clients(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        static Optional<Clients> parse(String value) {
            return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
        }
    }

    /**
     * Reads the authenticator config; missing values take their defaults. Keycloak cannot check
     * these settings when they are saved, so each unreadable one is reported and replaced by the
     * choice that asks more, never less (remember nothing, ask for all clients); the readable
     * ones are kept.
     */
    public static ConsentConfig read(Map<String, String> settings, Problems problems) {
        Map<String, String> values = settings == null ? Map.of() : settings;
        String remember = Objects.requireNonNullElse(values.get(REMEMBER_FOR), DEFAULT_REMEMBER_FOR);
        Duration rememberFor = parseDuration(remember).orElseGet(() -> {
            problems.add(REMEMBER_FOR, REMEMBER_FOR + ": '" + remember + "' is not a duration;"
                    + " write a whole number followed by s, m, h or d (such as 90d), or 0 to ask at every login");
            return Duration.ZERO;
        });
        String choice = Objects.requireNonNullElse(values.get(CLIENTS), Clients.CONSENT_REQUIRED.value()).strip();
        Clients clients = Clients.parse(choice).orElseGet(() -> {
            problems.add(CLIENTS, CLIENTS + ": '" + choice + "' is not one of "
                    + Arrays.stream(Clients.values()).map(Clients::value).collect(Collectors.joining(", ")));
            return Clients.ALL;
        });
        return new ConsentConfig(rememberFor, Set.copyOf(MultivaluedSetting.values(values.get(ALWAYS_ASK_SCOPES))), clients);
    }

    /** {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}, or {@code 0} for "ask every time"; empty for anything else. */
    static Optional<Duration> parseDuration(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    /** Whether the step runs for a client, given its "Consent required" switch. */
    public boolean appliesTo(boolean clientRequiresConsent) {
        return clients == Clients.ALL || clientRequiresConsent;
    }

    /** Whether a remembered consent still counts at {@code now}. */
    public boolean stillRemembers(RememberedConsent remembered, Instant now) {
        return remembered != null && !rememberFor.isZero() && now.isBefore(remembered.confirmedAt().plus(rememberFor));
    }
}
