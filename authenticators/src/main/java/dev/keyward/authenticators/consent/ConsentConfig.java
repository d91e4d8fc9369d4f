package dev.keyward.authenticators.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;

/**
 * The consent step's settings.
 *
 * @param rememberFor how long a confirmed consent is reused; zero asks at every login
 * @param alwaysAsk   client scopes asked about at every login, remembered or not
 * @param clients     which clients the step asks for
 */
public record ConsentConfig(Duration rememberFor, Set<String> alwaysAsk, Clients clients) {

    public static final Setting<Clients> CLIENTS = Setting.choice("clients", "Ask for",
            "consent-required: only clients whose 'Consent required' switch is on (this screen replaces Keycloak's)."
                    + " all: every client that reaches this step.",
            Clients.values(), Clients::value, Clients.CONSENT_REQUIRED, Clients.ALL);
    public static final Setting<Duration> REMEMBER_FOR = Setting.parsed("remember-for", "Remember consent for",
            "How long a confirmed consent is reused: a whole number followed by s, m, h or d (90d, 12h),"
                    + " or 0 to ask at every login. Revoking the consent in the account or admin console also ends it.",
            "90d", text -> parseDuration(text).map(Setting.Reading::of).orElseGet(() -> Setting.Reading.refused("Remember consent for: '"
                    + text + "' is not a duration; write a whole number followed by s, m, h or d (such as 90d), or 0 to ask at every login.")),
            Duration.ZERO);
    public static final Setting<List<String>> ALWAYS_ASK_SCOPES = Setting.multivalued("always-ask-scopes", "Always ask for scopes",
            "Names of client scopes the user is asked about at every login, even when remembered.");
    /** In the order the admin console shows them. */
    public static final List<Setting<?>> SETTINGS = List.of(CLIENTS, REMEMBER_FOR, ALWAYS_ASK_SCOPES);

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
    }

    /**
     * Reads the authenticator config; missing values take their defaults. Keycloak cannot check
     * these settings when they are saved, so each unreadable one is reported and replaced by the
     * choice that asks more, never less (remember nothing, ask for all clients); the readable
     * ones are kept.
     */
    public static ConsentConfig read(Map<String, String> settings, Problems problems) {
        return new ConsentConfig(REMEMBER_FOR.read(settings, problems), Set.copyOf(ALWAYS_ASK_SCOPES.read(settings, problems)),
                CLIENTS.read(settings, problems));
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
