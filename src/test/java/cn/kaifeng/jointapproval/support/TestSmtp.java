package cn.kaifeng.jointapproval.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A GreenMail SMTP server on a free port, not GreenMail's fixed 3025: two builds on one machine
 * (helpers, CI) must not collide. A test class registers {@link #server(int)} with the port it got
 * from {@link #freePort()} and hands that port to {@code spring.mail.port}.
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
}
