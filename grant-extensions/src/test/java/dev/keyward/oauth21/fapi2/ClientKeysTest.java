package dev.keyward.oauth21.fapi2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Violation;

class ClientKeysTest {

    /** Self-signed, made with openssl for these tests: RSA 1024 bits and EC P-256. */
    private static final String RSA_1024_CERTIFICATE = "MIICCDCCAXGgAwIBAgIUJU3RCoqOmZuIp4wYgwWlvrx/u0YwDQYJKoZIhvcNAQELBQAwFjEUMBIGA1UEAwwLd2Vhay1jbGllbnQwHhcNMjYxMjA0MTMyMDQxWhcNMzYxMjAxMTMyMDQxWjAWMRQwEgYDVQQDDAt3ZWFrLWNsaWVudDCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEAxPutF0+Im7snLKQE74lKuJD8U2Kr6iCk4rIATu3+807gpQXZbA+yzdM45QDTMeGPWkG9DB7yfpodOyOk/cx3XmiHHdVcIl9v4gL8v4G8F6hwrkBBQi2CowrScatr5+6+wFineqC3Xxvt2MUJjIe+Ggf4KnK16Db9BBV3HLzmGLcCAwEAAaNTMFEwHQYDVR0OBBYEFJgHQD0sQu0PHbnktfetne0sCMi4MB8GA1UdIwQYMBaAFJgHQD0sQu0PHbnktfetne0sCMi4MA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADgYEALpepFZwMuVw06fttLX/5aIlfiEGVkYrtGlaijp3o25BnfQ1bp+rQvKjo9HZUSzU/Jos85KI2ZYKltmzqWC9T/sAtEeYSKeViXZmqTzbwemQ5joMX9bltF8OWycp0bNnjWoCu6n9NPtsEvajZoFNHvsd8xw0ihOl2Mfy7lSl0TI0=";
    private static final String EC_P256_CERTIFICATE = "MIIBfDCCASOgAwIBAgIUUBiKogMlCF/x9GPylMSjMIba4fswCgYIKoZIzj0EAwIwFDESMBAGA1UEAwwJZWMtY2xpZW50MB4XDTI2MTIwNDEzMjA0MVoXDTM2MTIwMTEzMjA0MVowFDESMBAGA1UEAwwJZWMtY2xpZW50MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEtD9oSfaj4XyoZBsdMzJoKWhH0cw9zCGJDa9WaKUuCbFwJKkADnqm2hQ4R/+MXoWE0EcH4308OcXETSmVQdO8HKNTMFEwHQYDVR0OBBYEFOCZ0XE0EDSQVX2Vc873222ZP94VMB8GA1UdIwQYMBaAFOCZ0XE0EDSQVX2Vc873222ZP94VMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgHxcpy3BOgfAWPPTk8hbwoRErvLRnU7RqsKil5YjvT6MCIDOnDGpEPpSKpL+9DQGmS8NlZHYBaBbMUCHHlziRcrOb";

    @Test
    void aJwksGivesEachKeysTypeAndSize() throws NoSuchAlgorithmException {
        String jwks = "{\"keys\": [" + rsaJwk("signing", 2048) + ", {\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"a\", \"y\": \"b\"},"
                + " {\"kty\": \"OKP\", \"crv\": \"Ed25519\", \"x\": \"c\"}, {\"kty\": \"oct\", \"k\": \"secret\"},"
                + " {\"kty\": \"RSA\", \"x5c\": [\"AA==\"], \"ext\": {\"nested\": true}}]}";

        assertThat(ClientKeys.fromJwks(jwks)).containsExactly(new ClientKeys.Key("signing", "RSA", 2048), new ClientKeys.Key(null, "EC", 256),
                new ClientKeys.Key(null, "OKP", 256));
    }

    @Test
    void whatIsNotAJwksSaysWhy() {
        assertThatThrownBy(() -> ClientKeys.fromJwks("{\"keys\": [")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a JSON Web Key Set");
        assertThatThrownBy(() -> ClientKeys.fromJwks("[]")).hasMessage("not a JSON Web Key Set: not a JSON object");
        assertThatThrownBy(() -> ClientKeys.fromJwks("{\"kty\": \"RSA\"}")).hasMessage("not a JSON Web Key Set: it has no \"keys\" array");
    }

    @Test
    void aCertificateGivesItsKeysSize() {
        assertThat(ClientKeys.fromCertificate(RSA_1024_CERTIFICATE)).isEqualTo(new ClientKeys.Key(null, "RSA", 1024));
        assertThat(ClientKeys.fromCertificate(EC_P256_CERTIFICATE)).isEqualTo(new ClientKeys.Key(null, "EC", 256));
        assertThatThrownBy(() -> ClientKeys.fromCertificate("bm90IGEgY2VydGlmaWNhdGU=")).hasMessage("not an X.509 certificate");
    }

    @Test
    void aFapi2ClientsKeysAreLongEnoughWhereverKeycloakStoresThem() throws NoSuchAlgorithmException {
        ClientSettings jwt = new ClientSettings("bank", false, List.of("https://bank.example/cb"))
                .with(ClientSetting.CLIENT_AUTHENTICATOR, "client-jwt").with(ClientSetting.USE_JWKS_STRING, "true");
        assertThat(Fapi2Rules.strongClientKeys(jwt.with(ClientSetting.JWKS_STRING, "{\"keys\": [" + rsaJwk("ok", 2048) + "]}"))).isEmpty();

        Violation weak = Fapi2Rules.strongClientKeys(jwt.with(ClientSetting.JWKS_STRING, "{\"keys\": [" + rsaJwk("old", 1024) + "]}")).orElseThrow();
        assertThat(weak.description()).startsWith("the client's RSA key 'old' has 1024 bits; FAPI 2.0 asks for RSA keys of at least 2048 bits");
        assertThat(weak.setting().name()).isEqualTo("attributes.jwks.string");
        assertThat(weak.setting().safeValue()).as("keys are never rewritten").isNull();

        ClientSettings certificate = jwt.with(ClientSetting.USE_JWKS_STRING, null);
        assertThat(Fapi2Rules.strongClientKeys(certificate.with(ClientSetting.JWT_CERTIFICATE, RSA_1024_CERTIFICATE)))
                .hasValueSatisfying(v -> assertThat(v.setting().name()).isEqualTo("attributes.jwt.credential.certificate"));
        assertThat(Fapi2Rules.strongClientKeys(certificate.with(ClientSetting.JWT_CERTIFICATE, EC_P256_CERTIFICATE))).isEmpty();
        assertThat(Fapi2Rules.strongClientKeys(jwt.with(ClientSetting.JWKS_STRING, "{broken")))
                .hasValueSatisfying(v -> assertThat(v.description()).startsWith("the client's keys cannot be read (not a JSON Web Key Set"));
        assertThat(Fapi2Rules.strongClientKeys(certificate.with(ClientSetting.USE_JWKS_URL, "true").with(ClientSetting.JWT_CERTIFICATE, RSA_1024_CERTIFICATE)))
                .as("published at a URL: the client's to judge").isEmpty();
        assertThat(Fapi2Rules.strongClientKeys(jwt.with(ClientSetting.USE_JWKS_URL, "true")
                .with(ClientSetting.JWKS_STRING, "{\"keys\": [" + rsaJwk("old", 1024) + "]}"))).as("Keycloak looks at the URL first").isEmpty();
        assertThat(Fapi2Rules.strongClientKeys(jwt.with(ClientSetting.CLIENT_AUTHENTICATOR, "client-x509")
                .with(ClientSetting.JWKS_STRING, "{\"keys\": [" + rsaJwk("old", 1024) + "]}"))).as("mutual TLS: no stored key signs").isEmpty();
    }

    private static String rsaJwk(String kid, int bits) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        BigInteger modulus = ((RSAPublicKey) generator.generateKeyPair().getPublic()).getModulus();
        byte[] bytes = modulus.toByteArray();
        byte[] unsigned = bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        return "{\"kty\": \"RSA\", \"kid\": \"" + kid + "\", \"e\": \"AQAB\", \"n\": \"" + Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned) + "\"}";
    }
}
