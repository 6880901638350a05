package cn.kaifeng.jointapproval.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link EngineApiProblemFilter} in front of both engine APIs, outside their login filters,
 * and {@link DatabaseUnavailableFilter} in front of everything.
 */
@Configuration
public class EngineApiProblemConfig {

  @Bean
  FilterRegistrationBean<EngineApiProblemFilter> engineApiProblems(ObjectMapper mapper) {
    var registration = new FilterRegistrationBean<>(new EngineApiProblemFilter(mapper));
    registration.setName("engine-api-problem-details");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    // Outermost, so that the 401 of the login filters is answered the same way.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailable(ObjectMapper mapper) {
    var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(mapper));
    registration.setName("database-unavailable");
    registration.addUrlPatterns("/*");
    // Outside every login filter: the login is often the first to need the database.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
