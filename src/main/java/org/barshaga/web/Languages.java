package org.barshaga.web;

import java.util.List;
import java.util.Locale;

import org.springdoc.core.utils.SpringDocUtils;

import org.barshaga.kernel.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The three languages of the product. A choice made with the switcher ({@code ?lang=ru})
 * is kept in a cookie; without one, the browser's preference decides among the three, and
 * Kazakh, the state language, is the default.
 */
@Configuration
class Languages implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"),
			Locale.forLanguageTag("en"));

	static final Locale DEFAULT = SUPPORTED.get(0);

	static {
		// The signed-in actor is injected by the server, never sent by API clients.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("barshaga-lang");
		resolver.setDefaultLocaleFunction(Languages::fromBrowser);
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	static Locale fromBrowser(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return DEFAULT;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return match == null ? DEFAULT : match;
		}
		catch (IllegalArgumentException malformed) {
			return DEFAULT;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String value) {
				Locale requested = super.parseLocaleValue(value);
				return SUPPORTED.contains(requested) ? requested : null;
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
