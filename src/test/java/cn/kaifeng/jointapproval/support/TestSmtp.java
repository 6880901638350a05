package cn.kaifeng.jointapproval.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * A GreenMail SMTP server on a free port, not GreenMail's fixed 3025: two builds on one machine
 * (helpers, CI) must not collide. A test class registers {@link #server(int)} with the port it got
 * from {@link #freePort()} and hands that port to {@code spring.mail.port}. The readers below
 * open what the server received.
 */
public final class TestSmtp {

  private TestSmtp() {
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GreenMailExtension server(int port) {
    return new GreenMailExtension(new ServerSetup(port, null, "smtp"));
  }

  /**
   * Distinct mails addressed (To) to {@code address} whose subject contains {@code text}
   * (GreenMail keeps a copy per recipient's mailbox).
   */
  public static List<MimeMessage> mails(GreenMailExtension smtp, String address, String text) {
    var seen = new HashSet<String>();
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .filter(m -> subject(m).contains(text))
        .filter(m -> seen.add(messageId(m))).toList();
  }

  public static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded parts, each multipart part preceded by its content type ({@code [text/html]}). */
  public static String body(MimeMessage message) {
    try {
      StringBuilder out = new StringBuilder();
      collect(message.getContent(), out);
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(Object content, StringBuilder out) throws Exception {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        var part = multipart.getBodyPart(i);
        out.append("[").append(part.getContentType().split(";")[0]).append("]");
        collect(part.getContent(), out);
      }
    } else {
      out.append(content);
    }
  }
}
