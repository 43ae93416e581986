package dev.strata.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless bearer-token security. HTTP lets every request through; GraphQL decides per field,
 * because one endpoint serves public and protected operations alike.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenService tokens,
            @org.springframework.beans.factory.annotation.Value("${strata.graphql.schema-public:false}") boolean schemaPublic)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    if (!schemaPublic) {
                        requests.requestMatchers("/graphql/schema").authenticated();
                    }
                    requests.requestMatchers("/actuator/prometheus", "/actuator/metrics/**").hasRole(Role.ADMIN.name());
                    requests.anyRequest().permitAll();
                })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new org.springframework.security.web.authentication.HttpStatusEntryPoint(
                                org.springframework.http.HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new JwtAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .build();
    }

    /**
     * No observation wrapped around each security filter, authentication and authorization: the wrappers (a dozen a
     * request) cost more than the filters even when the observations themselves are switched off by name. Requests are
     * still observed ({@code http.server.requests}, GraphQL).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }
}
