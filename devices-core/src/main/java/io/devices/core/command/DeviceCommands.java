package io.devices.core.command;

import io.devices.core.common.DomainException;
import io.devices.core.device.DeviceListing;
import io.devices.core.device.query.Selectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The commands of one device: sending one to it, and reading those it was sent. */
@ApplicationScoped
public class DeviceCommands {
  @Inject DeviceListing devices;
  @Inject Commands commands;

  @PersistenceContext(unitName = "devices")
  EntityManager em;

  /**
   * Sends the draft's command to the one device (whatever the draft's targets), through the outbox
   * like every command.
   *
   * @throws DomainException NOT_FOUND for an unknown application, or a missing, foreign or deleted
   *     device
   */
  @Transactional
  public Command send(String applicationId, String deviceId, CommandDraft draft) {
    devices.get(applicationId, deviceId);
    return commands.send(
        applicationId,
        new CommandDraft(
            draft.name(), draft.payloadJson(), draft.time(), Selectors.ids(List.of(deviceId))));
  }

  /**
   * The commands sent to the device (by any Send Command) in the window. Walks the application's
   * commands in time order and looks the device's delivery of each up by its primary key.
   *
   * @throws DomainException NOT_FOUND for an unknown application, or a missing, foreign or deleted
   *     device
   */
  @SuppressWarnings("unchecked")
  public List<SentCommand> sentTo(String applicationId, String deviceId, CommandWindow window) {
    devices.get(applicationId, deviceId);
    String direction = window.direction().name().toUpperCase(java.util.Locale.ROOT);
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT c.id, d.state, d.attempts, d.delivered_at FROM device_command c"
                    + " JOIN command_delivery d ON d.command_id = c.id AND d.device_id = ?1"
                    + " WHERE c.application_id = ?2 AND c.command_time >= ?3"
                    + " AND c.command_time <= ?4 ORDER BY c.application_id "
                    + direction
                    + ", c.command_time "
                    + direction
                    + ", c.id "
                    + direction)
            .setParameter(1, deviceId)
            .setParameter(2, applicationId)
            .setParameter(3, window.start())
            .setParameter(4, window.end())
            .setMaxResults(window.limit())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new SentCommand(
                    em.find(Command.class, row[0]),
                    DeliveryState.valueOf((String) row[1]),
                    ((Number) row[2]).intValue(),
                    Optional.ofNullable((Number) row[3])
                        .map(n -> Instant.ofEpochMilli(n.longValue()))))
        .toList();
  }
}
