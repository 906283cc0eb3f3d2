package org.barshaga.identity;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Password checks run on a few permits: one that finds them all taken waits briefly and
 * is then refused as busy instead of queueing, and the permits come back afterwards.
 */
class PasswordHashingTests {

	@Test
	void aCheckThatFindsEveryPermitTakenIsRefusedQuicklyAsBusy() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		PasswordEncoder slow = new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				return raw.toString();
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				inside.countDown();
				try {
					release.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
				return raw.toString().equals(encoded);
			}

		};
		PasswordHashing bounded = new PasswordHashing(slow, 1);
		Thread holder = new Thread(() -> bounded.matches("a", "a"));
		holder.start();
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		long started = System.nanoTime();
		assertThatThrownBy(() -> bounded.matches("b", "b")).isInstanceOf(PasswordHashing.BusyException.class);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
			.isBetween(PasswordHashing.WAIT_MILLIS - 50, 3_000L);
		release.countDown();
		holder.join();
		assertThat(bounded.matches("c", "c")).isTrue();
	}

}
