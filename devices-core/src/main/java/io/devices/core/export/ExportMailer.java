package io.devices.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Sends the email of a finished or failed job (an export, a device job) through Jakarta Mail. */
@ApplicationScoped
public class ExportMailer {
  @Inject SmtpSettings smtp;

  /** What the message says. */
  record Outcome(
      String applicationName,
      String exportId,
      String format,
      long deviceCount,
      String url,
      Instant expiresAt,
      ExportError error) {}

  void send(String to, Outcome outcome) throws MessagingException {
    send(to, subject(outcome), body(outcome));
  }

  void send(String to, String subject, String text) throws MessagingException {
    Session session = Session.getInstance(smtp.sessionProperties());
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(smtp.from()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(text, StandardCharsets.UTF_8.name());
    if (smtp.user().isPresent()) {
      Transport.send(message, smtp.user().get(), smtp.password());
    } else {
      Transport.send(message);
    }
  }

  static String subject(Outcome outcome) {
    return outcome.error() == null
        ? "Device export of " + outcome.applicationName() + " is ready"
        : "Device export of " + outcome.applicationName() + " failed";
  }

  static String body(Outcome outcome) {
    if (outcome.error() != null) {
      return "The export "
          + outcome.exportId()
          + " of the devices of the application \""
          + outcome.applicationName()
          + "\" failed: "
          + outcome.error().message()
          + "\r\n";
    }
    return "The export of the "
        + outcome.deviceCount()
        + " devices of the application \""
        + outcome.applicationName()
        + "\" ("
        + outcome.format()
        + ") is ready. Download it here until "
        + outcome.expiresAt()
        + ":\r\n\r\n"
        + outcome.url()
        + "\r\n\r\nExport "
        + outcome.exportId()
        + "\r\n";
  }
}
