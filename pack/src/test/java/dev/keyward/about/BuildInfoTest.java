package dev.keyward.about;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void loadsTheVersionsRecordedAtBuildTime() {
        BuildInfo info = BuildInfo.load();

        assertThat(info.keywardVersion()).isNotBlank().doesNotContain("${");
        assertThat(info.builtForKeycloak()).isEqualTo(System.getProperty("keycloak.version"));
    }

    @Test
    void patchReleasesOfTheSameFeatureReleaseMatch() {
        BuildInfo info = new BuildInfo("1.0.0", "26.7.3");

        assertThat(info.matchesFeatureRelease("26.7.0")).isTrue();
        assertThat(info.matchesFeatureRelease("26.7.3")).isTrue();
        assertThat(info.matchesFeatureRelease("26.8.0")).isFalse();
        assertThat(info.matchesFeatureRelease("25.7.3")).isFalse();
        assertThat(info.matchesFeatureRelease("26")).isFalse();
        assertThat(info.matchesFeatureRelease(null)).isFalse();
    }

    @Test
    void operationalInfoNamesAllThreeVersions() {
        BuildInfo info = new BuildInfo("1.0.0", "26.7.3");

        assertThat(info.asOperationalInfo("26.7.4"))
                .containsEntry("keyward-version", "1.0.0")
                .containsEntry("built-for-keycloak", "26.7.3")
                .containsEntry("running-keycloak", "26.7.4");
    }
}
