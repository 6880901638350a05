package cn.kaifeng.jointapproval.notify;

import jakarta.mail.MessagingException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to SMTP ({@code spring.mail.*}); with no SMTP host configured (the embedded
 * default) it writes the mail to the log instead, and nothing fails.
 */
@Component
public class MailGateway {

  private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final NotifyProperties properties;

  public MailGateway(ObjectProvider<JavaMailSender> sender, NotifyProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  public void send(List<String> to, MailTemplates.Rendered mail) {
    var smtp = sender.getIfAvailable();
    if (smtp == null) {
      log.info("Mail (no SMTP configured) to {}: {}\n{}", to, mail.subject(), mail.text());
      return;
    }
    try {
      var message = smtp.createMimeMessage();
      var helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      smtp.send(message);
      log.info("Mail sent to {}: {}", to, mail.subject());
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot build mail " + mail.subject(), e);
    }
  }
}
