package cn.kaifeng.jointapproval.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to SMTP ({@code spring.mail.*}); with no SMTP host configured (the embedded
 * default) it writes the mail to the log instead, and nothing fails.
 *
 * <p>Each mail carries a Message-ID made from its outbox row (or, for mails queued before the
 * outbox, its send-mail instance). A node that dies after SMTP accepted the mail but before its job
 * committed leaves the job to run again on another node; the second copy then has the same
 * Message-ID, which mail servers and clients treat as one mail.
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

  /** @param mailId what makes this mail unique (its outbox row, or its send-mail instance) */
  public void send(String mailId, List<String> to, MailTemplates.Rendered mail) {
    var smtp = sender.getIfAvailable();
    if (smtp == null) {
      log.info("Mail (no SMTP configured) to {}: {}\n{}", to, mail.subject(), mail.text());
      return;
    }
    try {
      var message = smtp instanceof JavaMailSenderImpl impl
          ? new StableIdMessage(impl.getSession(), messageId(mailId))
          : smtp.createMimeMessage();
      var helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      smtp.send(message);
      log.info("Mail {} sent to {}: {}", mailId, to, mail.subject());
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot build mail " + mail.subject(), e);
    }
  }

  static String messageId(String mailId) {
    return "<" + mailId + "@joint-approval.kaifeng>";
  }

  /** JavaMail makes a new random Message-ID at every send; this one keeps the given one. */
  private static final class StableIdMessage extends MimeMessage {

    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
