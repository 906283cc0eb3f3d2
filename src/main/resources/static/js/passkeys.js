// Passkeys: sign-in and enrolment through Spring Security's WebAuthn endpoints.
// A button with data-passkey="sign-in" or "register" starts the ceremony; the CSRF token
// and the texts shown on failure come from the button's data attributes.
(function () {
	"use strict";

	function encode(buffer) {
		return btoa(String.fromCharCode.apply(null, new Uint8Array(buffer)))
			.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
	}

	function decode(text) {
		var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
		var bytes = new Uint8Array(binary.length);
		for (var i = 0; i < binary.length; i++) {
			bytes[i] = binary.charCodeAt(i);
		}
		return bytes.buffer;
	}

	function post(button, url, body) {
		var headers = { "Content-Type": "application/json" };
		headers[button.dataset.csrfHeader] = button.dataset.csrfToken;
		return fetch(base(button) + url, {
			method: "POST", headers: headers, credentials: "same-origin",
			body: body === undefined ? undefined : JSON.stringify(body)
		}).then(function (response) {
			if (!response.ok) {
				throw new Error("HTTP " + response.status);
			}
			return response.json();
		});
	}

	// The application's root, without its final slash.
	function base(button) {
		return button.dataset.context.replace(/\/$/, "");
	}

	function withIds(list) {
		return (list || []).map(function (item) {
			return Object.assign({}, item, { id: decode(item.id) });
		});
	}

	function signIn(button) {
		return post(button, "/webauthn/authenticate/options").then(function (options) {
			options.challenge = decode(options.challenge);
			options.allowCredentials = withIds(options.allowCredentials);
			return navigator.credentials.get({ publicKey: options });
		}).then(function (credential) {
			var response = credential.response;
			return post(button, "/login/webauthn", {
				id: credential.id,
				rawId: encode(credential.rawId),
				response: {
					authenticatorData: encode(response.authenticatorData),
					clientDataJSON: encode(response.clientDataJSON),
					signature: encode(response.signature),
					userHandle: response.userHandle ? encode(response.userHandle) : undefined
				},
				type: credential.type,
				clientExtensionResults: credential.getClientExtensionResults(),
				authenticatorAttachment: credential.authenticatorAttachment
			});
		}).then(function (result) {
			if (!result.authenticated || !result.redirectUrl) {
				throw new Error("refused");
			}
			window.location.href = result.redirectUrl;
		});
	}

	function register(button) {
		var label = document.getElementById(button.dataset.labelField);
		if (!label.value.trim()) {
			return Promise.reject(new Error("label"));
		}
		return post(button, "/webauthn/register/options").then(function (options) {
			options.challenge = decode(options.challenge);
			options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
			options.excludeCredentials = withIds(options.excludeCredentials);
			return navigator.credentials.create({ publicKey: options });
		}).then(function (credential) {
			var response = credential.response;
			return post(button, "/webauthn/register", {
				publicKey: {
					credential: {
						id: credential.id,
						rawId: encode(credential.rawId),
						response: {
							attestationObject: encode(response.attestationObject),
							clientDataJSON: encode(response.clientDataJSON),
							transports: response.getTransports ? response.getTransports() : []
						},
						type: credential.type,
						clientExtensionResults: credential.getClientExtensionResults(),
						authenticatorAttachment: credential.authenticatorAttachment
					},
					label: label.value.trim()
				}
			});
		}).then(function (result) {
			if (!result.success) {
				throw new Error("refused");
			}
			window.location.href = base(button) + "/account/two-factor?passkey=added";
		});
	}

	function showError(button, error) {
		var summary = document.getElementById(button.dataset.errorTarget);
		var key = error && error.message === "label" ? "errorLabel" : "error";
		summary.querySelector("p").textContent = button.dataset[key];
		summary.hidden = false;
		summary.focus();
	}

	document.addEventListener("DOMContentLoaded", function () {
		document.querySelectorAll("[data-passkey]").forEach(function (button) {
			if (!window.PublicKeyCredential) {
				button.disabled = true;
				return;
			}
			button.addEventListener("click", function () {
				button.disabled = true;
				var ceremony = button.dataset.passkey === "register" ? register(button) : signIn(button);
				ceremony.catch(function (error) {
					button.disabled = false;
					showError(button, error);
				});
			});
		});
	});
}());
