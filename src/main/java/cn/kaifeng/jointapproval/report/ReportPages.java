package cn.kaifeng.jointapproval.report;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The report page's address, {@code /board/reports/} (the link in tasks and mails), serves its
 * static {@code index.html}: Spring maps a folder's index only at the root.
 */
@Configuration
public class ReportPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/board/reports/").setViewName("forward:/board/reports/index.html");
    registry.addRedirectViewController("/board/reports", "/board/reports/");
  }
}
