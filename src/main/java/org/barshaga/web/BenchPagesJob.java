package org.barshaga.web;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.barshaga.kernel.CommandLineJob;
import org.springframework.stereotype.Component;

/**
 * {@code bench pages --base URL --user NAME [--requests N] PATH...}: asks a running
 * server for pages, one request at a time over loopback, and prints each path's time at
 * the median, the 95th and the 99th percentile. A path may name {@code {region}} and
 * {@code {district}}, filled with random units read from the API. The time is measured at
 * the client, so it is an upper bound of the server's time. The password comes from
 * {@code BARSHAGA_BENCH_PASSWORD}.
 */
@Component
class BenchPagesJob implements CommandLineJob {

	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Override
	public String name() {
		return "bench pages";
	}

	@Override
	public String usage() {
		return "bench pages --base http://localhost:8080 --user NAME [--requests N] PATH...   (password from BARSHAGA_BENCH_PASSWORD)";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String base = CommandLineJob.option(arguments, "--base");
		String user = CommandLineJob.option(arguments, "--user");
		int requests = Optional.ofNullable(CommandLineJob.option(arguments, "--requests"))
			.map(Integer::parseInt)
			.orElse(200);
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < arguments.size(); i++) {
			if (arguments.get(i).startsWith("--")) {
				i++;
			}
			else {
				paths.add(arguments.get(i));
			}
		}
		String password = System.getenv("BARSHAGA_BENCH_PASSWORD");
		if (base == null || user == null || password == null || paths.isEmpty()) {
			out.println("Usage: " + usage());
			return 2;
		}
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		try {
			signIn(client, base, user, password);
			List<String> regions = codes(client, base, authorization, "KZ");
			List<String> districts = new ArrayList<>();
			for (String region : regions) {
				districts.addAll(codes(client, base, authorization, region));
			}
			Random random = new Random(1);
			Map<String, List<Double>> times = new LinkedHashMap<>();
			for (String path : paths) {
				for (int i = 0; i < 20; i++) {
					get(client, base + fill(path, regions, districts, random), null);
				}
				List<Double> measured = new ArrayList<>();
				for (int i = 0; i < requests; i++) {
					String url = base + fill(path, regions, districts, random);
					long start = System.nanoTime();
					int status = get(client, url, null);
					measured.add((System.nanoTime() - start) / 1e6);
					if (status != 200) {
						out.printf("  %s answered %d%n", url, status);
					}
				}
				Collections.sort(measured);
				times.put(path, measured);
			}
			out.printf("%-70s %9s %9s %9s%n", "page (" + requests + " requests each)", "median", "p95", "p99");
			times.forEach((path, measured) -> out.printf("%-70s %7.1f ms %7.1f ms %7.1f ms%n", path,
					percentile(measured, 50), percentile(measured, 95), percentile(measured, 99)));
			return 0;
		}
		catch (IOException ex) {
			out.println("The benchmark stopped: " + ex.getMessage());
			return 3;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 3;
		}
	}

	private static String fill(String path, List<String> regions, List<String> districts, Random random) {
		return path.replace("{region}", regions.get(random.nextInt(regions.size())))
			.replace("{district}", districts.get(random.nextInt(districts.size())));
	}

	private static List<String> codes(HttpClient client, String base, String authorization, String unit)
			throws IOException, InterruptedException {
		HttpResponse<String> response = client
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/org-units/" + unit + "/children"))
				.header("Authorization", authorization)
				.build(), HttpResponse.BodyHandlers.ofString());
		List<String> codes = new ArrayList<>();
		Matcher matcher = CODE.matcher(response.body());
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	/**
	 * Signs in with the form, as a browser does, so that pages are timed in a session and
	 * not with a password check on each request.
	 */
	private static void signIn(HttpClient client, String base, String user, String password)
			throws IOException, InterruptedException {
		String form = client
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(form);
		String body = "username=" + encode(user) + "&password=" + encode(password)
				+ (csrf.find() ? "&_csrf=" + encode(csrf.group(1)) : "");
		client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static int get(HttpClient client, String url, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static double percentile(List<Double> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
	}

}
