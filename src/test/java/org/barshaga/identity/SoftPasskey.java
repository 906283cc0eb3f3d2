package org.barshaga.identity;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;

/**
 * A passkey made in software, as a phone or a security key would make one: an ES256 key
 * pair, a "none" attestation at enrolment and signed assertions at sign-in, for a site
 * ({@code rpId}) and an origin of the test's choosing. A real relying party cannot tell
 * it from a device that verified its user.
 */
final class SoftPasskey {

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder FROM_URL = Base64.getUrlDecoder();

	private final KeyPair keys;

	private final byte[] credentialId = new byte[16];

	private byte[] userHandle;

	private int counter;

	SoftPasskey() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		keys = generator.generateKeyPair();
		new SecureRandom().nextBytes(credentialId);
	}

	String id() {
		return URL.encodeToString(credentialId);
	}

	/** The body of {@code POST /webauthn/register} answering the creation options. */
	String register(String options, String rpId, String origin, String label) throws Exception {
		String challenge = JsonPath.read(options, "$.challenge");
		userHandle = FROM_URL.decode((String) JsonPath.read(options, "$.user.id"));
		byte[] clientData = clientData("webauthn.create", challenge, origin);
		ByteArrayOutputStream authData = new ByteArrayOutputStream();
		authData.write(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
		authData.write(0x45); // user present, user verified, attested credential data
		authData.write(new byte[4]);
		authData.write(new byte[16]); // no AAGUID
		authData.write(credentialId.length >> 8);
		authData.write(credentialId.length);
		authData.write(credentialId);
		authData.write(coseKey());
		Cbor attestation = new Cbor().map(3)
			.text("fmt")
			.text("none")
			.text("attStmt")
			.map(0)
			.text("authData")
			.bytes(authData.toByteArray());
		return """
				{"publicKey":{"credential":{"id":"%1$s","rawId":"%1$s","response":{
				  "attestationObject":"%2$s","clientDataJSON":"%3$s","transports":["internal"]},
				  "type":"public-key","clientExtensionResults":{},"authenticatorAttachment":"platform"},
				 "label":"%4$s"}}""".formatted(id(), URL.encodeToString(attestation.done()),
				URL.encodeToString(clientData), label);
	}

	/** The body of {@code POST /login/webauthn} answering the request options. */
	String assertion(String options, String rpId, String origin) throws Exception {
		String challenge = JsonPath.read(options, "$.challenge");
		byte[] clientData = clientData("webauthn.get", challenge, origin);
		counter++;
		byte[] authData = ByteBuffer.allocate(37)
			.put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
			.put((byte) 0x05) // user present, user verified
			.putInt(counter)
			.array();
		Signature signer = Signature.getInstance("SHA256withECDSA");
		signer.initSign(keys.getPrivate());
		signer.update(authData);
		signer.update(sha256(clientData));
		return """
				{"id":"%1$s","rawId":"%1$s","response":{"authenticatorData":"%2$s","clientDataJSON":"%3$s",
				 "signature":"%4$s","userHandle":"%5$s"},"type":"public-key","clientExtensionResults":{},
				 "authenticatorAttachment":"platform"}""".formatted(id(), URL.encodeToString(authData),
				URL.encodeToString(clientData), URL.encodeToString(signer.sign()), URL.encodeToString(userHandle));
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		return """
				{"type":"%s","challenge":"%s","origin":"%s","crossOrigin":false}""".formatted(type, challenge, origin)
			.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] coseKey() {
		ECPublicKey key = (ECPublicKey) keys.getPublic();
		return new Cbor().map(5)
			.integer(1)
			.integer(2) // key type: EC2
			.integer(3)
			.integer(-7) // algorithm: ES256
			.integer(-1)
			.integer(1) // curve: P-256
			.integer(-2)
			.bytes(coordinate(key.getW().getAffineX()))
			.integer(-3)
			.bytes(coordinate(key.getW().getAffineY()))
			.done();
	}

	private static byte[] coordinate(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static byte[] sha256(byte[] data) throws GeneralSecurityException {
		return MessageDigest.getInstance("SHA-256").digest(data);
	}

	/** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
	private static final class Cbor {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Cbor map(int entries) {
			head(5, entries);
			return this;
		}

		Cbor text(String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			head(3, bytes.length);
			out.writeBytes(bytes);
			return this;
		}

		Cbor bytes(byte[] bytes) {
			head(2, bytes.length);
			out.writeBytes(bytes);
			return this;
		}

		Cbor integer(int value) {
			if (value >= 0) {
				head(0, value);
			}
			else {
				head(1, -1 - value);
			}
			return this;
		}

		byte[] done() {
			return Arrays.copyOf(out.toByteArray(), out.size());
		}

		private void head(int major, int value) {
			if (value < 24) {
				out.write(major << 5 | value);
			}
			else if (value < 256) {
				out.write(major << 5 | 24);
				out.write(value);
			}
			else {
				out.write(major << 5 | 25);
				out.write(value >> 8);
				out.write(value & 0xff);
			}
		}

	}

}
