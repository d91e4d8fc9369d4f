package dev.keyward.oauth21.keycloak.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventQuery;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.compliance.FindingTrend;
import dev.keyward.oauth21.compliance.RuntimeActivity;
import dev.keyward.oauth21.keycloak.executor.FindingRecorder;

/**
 * Keyward's findings in the realm's event store over a window, per client (how many, the newest,
 * and the redirect URIs requested that matched no registered one) and per day and rule. Reads at most
 * {@link #MAX_EVENTS} events, newest first, so a busy realm cannot exhaust memory.
 */
final class RuntimeFindings {

    static final int MAX_EVENTS = 100_000;
    private static final int MAX_REDIRECT_URIS = 20;
    /** The event types Keyward records its findings under (see FindingRecorder): refusals, and reported findings. */
    private static final EventType[] FINDING_TYPES = {EventType.LOGIN_ERROR, EventType.CODE_TO_TOKEN_ERROR, EventType.REFRESH_TOKEN_ERROR,
            EventType.PUSHED_AUTHORIZATION_REQUEST_ERROR, EventType.CLIENT_REGISTER_ERROR, EventType.CLIENT_UPDATE_ERROR, FindingRecorder.REPORTED};
    /** Requests whose redirect URI is judged, refused or reported; registrations name stored URIs instead. */
    private static final Set<String> REQUEST_TYPES = Set.of(EventType.LOGIN_ERROR.name(), EventType.PUSHED_AUTHORIZATION_REQUEST_ERROR.name(),
            EventType.LOGIN.name(), EventType.PUSHED_AUTHORIZATION_REQUEST.name());

    private RuntimeFindings() {
    }

    static Map<String, RuntimeActivity> read(KeycloakSession session, RealmModel realm, Duration window, Instant now) {
        Map<String, Tally> tallies = new HashMap<>();
        findings(session, realm, null, window, now).filter(event -> event.getClientId() != null)
                .forEach(event -> tallies.computeIfAbsent(event.getClientId(), id -> new Tally()).add(event));
        Map<String, RuntimeActivity> activity = new HashMap<>();
        tallies.forEach((clientId, tally) -> activity.put(clientId, tally.activity()));
        return activity;
    }

    /** The realm's findings per day, rule and outcome over the window. */
    static FindingTrend trend(KeycloakSession session, RealmModel realm, int windowDays, Instant now) {
        List<FindingTrend.Finding> findings = findings(session, realm, null, Duration.ofDays(windowDays), now)
                .map(event -> new FindingTrend.Finding(Instant.ofEpochMilli(event.getTime()), event.getDetails().get(FindingRecorder.DETAIL_RULE),
                        event.getDetails().getOrDefault(FindingRecorder.DETAIL_OUTCOME, "")))
                .toList();
        return FindingTrend.of(findings, windowDays, now);
    }

    /** One client's newest findings over the window: what it sent and why Keyward refused or reported it. */
    static List<ComplianceRepresentation.Evidence> evidence(KeycloakSession session, RealmModel realm, String clientId, Duration window,
                                                            Instant now, int max) {
        return findings(session, realm, clientId, window, now).limit(max).map(event -> {
            Map<String, String> details = event.getDetails();
            return new ComplianceRepresentation.Evidence(Instant.ofEpochMilli(event.getTime()).toString(),
                    details.getOrDefault(FindingRecorder.DETAIL_REQUEST, event.getType().name()), details.get(FindingRecorder.DETAIL_RULE),
                    details.get(FindingRecorder.DETAIL_OUTCOME), details.get(FindingRecorder.DETAIL_SETTING),
                    details.get(FindingRecorder.DETAIL_VALUE), details.get(Details.REASON));
        }).toList();
    }

    /** Keyward's findings in the event store over the window (of one client, unless null), newest first, at most {@link #MAX_EVENTS}. */
    private static Stream<Event> findings(KeycloakSession session, RealmModel realm, String clientId, Duration window, Instant now) {
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        if (store == null) {
            return Stream.empty();
        }
        EventQuery query = store.createQuery().realm(realm.getId()).type(FINDING_TYPES).fromDate(now.minus(window).toEpochMilli());
        return (clientId == null ? query : query.client(clientId)).orderByDescTime().maxResults(MAX_EVENTS).getResultStream()
                .filter(event -> event.getDetails() != null && event.getDetails().containsKey(FindingRecorder.DETAIL_RULE));
    }

    private static final class Tally {
        private int count;
        private long newest;
        private final Set<String> redirectUris = new LinkedHashSet<>();

        void add(Event event) {
            count++;
            newest = Math.max(newest, event.getTime());
            Map<String, String> details = event.getDetails();
            String request = details.getOrDefault(FindingRecorder.DETAIL_REQUEST, event.getType().name());
            if (REQUEST_TYPES.contains(request) && Baseline.EXACT_REDIRECT_URI.id().equals(details.get(FindingRecorder.DETAIL_RULE))
                    && details.get(FindingRecorder.DETAIL_VALUE) != null && redirectUris.size() < MAX_REDIRECT_URIS) {
                redirectUris.add(details.get(FindingRecorder.DETAIL_VALUE));
            }
        }

        RuntimeActivity activity() {
            return new RuntimeActivity(count, count == 0 ? null : Instant.ofEpochMilli(newest), redirectUris.stream().toList());
        }
    }
}
