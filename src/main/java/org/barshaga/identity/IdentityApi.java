package org.barshaga.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.ResultPage;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users and tokens")
class IdentityApi {

	private final Users users;

	private final AccessTokens tokens;

	private final Clock clock;

	private final SecondFactors factors;

	IdentityApi(Users users, AccessTokens tokens, Clock clock, SecondFactors factors) {
		this.factors = factors;
		this.users = users;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/users")
	@Operation(summary = "Accounts inside the caller's scope")
	ResultPage<UserView> list(Actor actor, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page) {
		Instant now = Instant.now(clock);
		return users.list(actor, q, page).map(account -> UserView.of(account, now));
	}

	@GetMapping("/users/{id}")
	@Operation(summary = "One account; 404 when it is outside the caller's scope")
	UserView get(Actor actor, @PathVariable long id) {
		return UserView.of(users.get(actor, id), Instant.now(clock));
	}

	@PostMapping("/users")
	@Operation(summary = "Create an account inside the caller's scope with a role below the caller's")
	ResponseEntity<UserView> create(Actor actor, @RequestBody UserDraft draft) {
		UserAccount created = users.create(actor, draft);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
			.body(UserView.of(created, Instant.now(clock)));
	}

	@PutMapping("/users/{id}")
	@Operation(summary = "Change an account; send the version you read. A password is optional here")
	UserView update(Actor actor, @PathVariable long id, @RequestBody UserDraft draft) {
		return UserView.of(users.update(actor, id, draft), Instant.now(clock));
	}

	record TokenRequest(String name, Integer days, String code) {
	}

	record CreatedToken(AccessToken token, String secret) {
	}

	@GetMapping("/tokens")
	@Operation(summary = "The caller's personal access tokens (never their secrets)")
	List<AccessToken> myTokens(Actor actor) {
		return tokens.mine(actor);
	}

	@PostMapping("/tokens")
	@Operation(
			summary = "Create a personal access token; the secret is returned only this once. An account with a second factor gives a current code in `code`")
	ResponseEntity<CreatedToken> createToken(Actor actor, @RequestBody TokenRequest request, HttpServletRequest http) {
		factors.requireRecent(actor, null, request.code(), http.getRemoteAddr());
		AccessTokens.Created created = tokens.create(actor, request.name(), request.days());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.token().id()))
			.body(new CreatedToken(created.token(), created.secret()));
	}

	@DeleteMapping("/tokens/{id}")
	@Operation(summary = "Revoke one of the caller's tokens")
	ResponseEntity<Void> revoke(Actor actor, @PathVariable long id) {
		tokens.revoke(actor, id);
		return ResponseEntity.noContent().build();
	}

}
