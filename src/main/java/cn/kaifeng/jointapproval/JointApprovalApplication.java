package cn.kaifeng.jointapproval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 开封市重大项目联审联批: the Camunda 7 process application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JointApprovalApplication {

  public static void main(String[] args) {
    SpringApplication.run(JointApprovalApplication.class, args);
  }
}
