package org.barshaga.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-time passwords against the published test vectors, so that the codes the
 * integration tests compute are the codes an authenticator app shows.
 */
class TotpTests {

	/**
	 * RFC 6238, appendix B: the SHA-1 seed, and the last six of its eight-digit codes.
	 */
	@Test
	void codesMatchTheRfc6238TestVectors() {
		String seed = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
		assertThat(Totp.code(seed, Totp.step(59))).isEqualTo("287082");
		assertThat(Totp.code(seed, Totp.step(1111111109))).isEqualTo("081804");
		assertThat(Totp.code(seed, Totp.step(1111111111))).isEqualTo("050471");
		assertThat(Totp.code(seed, Totp.step(1234567890))).isEqualTo("005924");
		assertThat(Totp.code(seed, Totp.step(2000000000))).isEqualTo("279037");
		assertThat(Totp.code(seed, Totp.step(20000000000L))).isEqualTo("353130");
	}

	/** RFC 4648, section 10, without padding as otpauth URIs carry it. */
	@Test
	void base32MatchesRfc4648BothWays() {
		String[][] vectors = { { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" }, { "foob", "MZXW6YQ" },
				{ "fooba", "MZXW6YTB" }, { "foobar", "MZXW6YTBOI" } };
		for (String[] vector : vectors) {
			assertThat(Totp.base32(vector[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(vector[1]);
			assertThat(new String(Totp.fromBase32(vector[1].toLowerCase()), StandardCharsets.US_ASCII))
				.isEqualTo(vector[0]);
		}
		assertThatThrownBy(() -> Totp.fromBase32("MZ1W")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aNewSecretIs160BitsAndTheUriNamesIssuerAndAccount() {
		String secret = Totp.newSecret();
		assertThat(Totp.fromBase32(secret)).hasSize(Totp.SECRET_BYTES);
		assertThat(Totp.uri("Barshaga", "school demo", secret))
			.isEqualTo("otpauth://totp/Barshaga:school%20demo?secret=" + secret
					+ "&issuer=Barshaga&algorithm=SHA1&digits=6&period=30");
		assertThat(Totp.grouped("ABCDEFGHIJ")).isEqualTo("ABCD EFGH IJ");
	}

	@Test
	void aSealedSecretOpensOnlyWithItsKey() {
		SecretSealing sealing = new SecretSealing(Base64.getEncoder().encodeToString(new byte[32]));
		String sealed = sealing.seal("JBSWY3DPEHPK3PXP");
		assertThat(sealed).startsWith("aes:").doesNotContain("JBSWY3DPEHPK3PXP");
		assertThat(sealing.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(sealing.seal("JBSWY3DPEHPK3PXP")).isNotEqualTo(sealed);
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		assertThatThrownBy(() -> new SecretSealing(Base64.getEncoder().encodeToString(otherKey)).open(sealed))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new SecretSealing("").open(sealed)).isInstanceOf(IllegalStateException.class);
		assertThat(new SecretSealing("").open(new SecretSealing("").seal("ABC"))).isEqualTo("ABC");
	}

}
