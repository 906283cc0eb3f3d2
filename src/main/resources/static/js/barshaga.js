// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
	// Take keyboard and screen-reader users straight to the list of mistakes after a failed submit.
	const summary = document.getElementById("error-summary");
	if (summary) {
		summary.focus();
	}
});

// Uploads: show how much of a large file has reached the server. Without this script the
// form posts as usual and the run page shows the import's own progress.
document.addEventListener("DOMContentLoaded", () => {
	const form = document.getElementById("upload-form");
	if (!form || !window.FormData) {
		return;
	}
	form.addEventListener("submit", (event) => {
		const box = form.querySelector(".upload-progress");
		const bar = document.getElementById("upload-progress");
		event.preventDefault();
		box.hidden = false;
		const request = new XMLHttpRequest();
		request.open("POST", form.action);
		request.upload.addEventListener("progress", (progress) => {
			if (progress.lengthComputable) {
				bar.value = Math.floor((progress.loaded * 100) / progress.total);
				bar.textContent = bar.value + "%";
			}
		});
		request.addEventListener("load", () => {
			if (request.responseURL && request.responseURL !== form.action) {
				window.location.assign(request.responseURL);
			} else {
				document.open();
				document.write(request.responseText);
				document.close();
			}
		});
		request.addEventListener("error", () => form.submit());
		request.send(new FormData(form));
	});
});

// Reports: a print button, shown only where this script runs (printing from the browser's
// menu gives the same print layout).
document.addEventListener("DOMContentLoaded", () => {
	document.querySelectorAll("[data-print]").forEach((button) => {
		button.hidden = false;
		button.addEventListener("click", () => window.print());
	});
});
