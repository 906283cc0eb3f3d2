package org.barshaga.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets before they reach the database, with AES-GCM under the key of
 * {@code barshaga.two-factor.key} (Base64 of 16 or 32 bytes), so that a copy of the
 * database alone cannot mint codes. Without a key (the embedded demo database) a secret
 * is kept as it is and marked so; a secret sealed under a key can only be read with it.
 */
@Component
class SecretSealing {

	private static final String SEALED = "aes:";

	private static final String PLAIN = "plain:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	SecretSealing(@Value("${barshaga.two-factor.key:}") String key) {
		this.key = key.isBlank() ? null : new SecretKeySpec(Base64.getDecoder().decode(key.strip()), "AES");
	}

	String seal(String secret) {
		if (key == null) {
			return PLAIN + secret;
		}
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
			return SEALED + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException failure) {
			throw new IllegalStateException("Cannot seal a second-factor secret", failure);
		}
	}

	String open(String stored) {
		if (stored.startsWith(PLAIN)) {
			return stored.substring(PLAIN.length());
		}
		if (key == null) {
			throw new IllegalStateException("A sealed second-factor secret needs barshaga.two-factor.key");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
			return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException failure) {
			throw new IllegalStateException("Cannot open a second-factor secret", failure);
		}
	}

}
