// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
	// Take keyboard and screen-reader users straight to the list of mistakes after a failed submit.
	const summary = document.getElementById("error-summary");
	if (summary) {
		summary.focus();
	}
});
