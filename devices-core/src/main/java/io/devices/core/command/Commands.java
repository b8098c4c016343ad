package io.devices.core.command;

import io.devices.core.application.Applications;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Page;
import io.devices.core.common.Paging;
import io.devices.core.device.SqlStatement;
import io.devices.core.work.WorkQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sends commands (records them and their deliveries) and reports on them. */
@ApplicationScoped
public class Commands {
  @PersistenceContext(unitName = "devices")
  EntityManager em;

  @Inject Applications applications;
  @Inject CommandSettings settings;
  @Inject Event<CommandQueued> queued;
  @Inject Event<WorkQueued> work;
  @Inject Clock clock;

  /**
   * Records the command and one pending delivery per selected device in one transaction, with one
   * {@code INSERT ... SELECT}; delivery runs in the background after the commit.
   *
   * @throws DomainException NOT_FOUND for an unknown application
   */
  @Transactional
  public Command send(String applicationId, CommandDraft draft) {
    applications.require(applicationId);
    Instant now = clock.instant();
    Command command =
        new Command(
            ObjectIds.next(now), applicationId, draft, now, now.plus(settings.timeToLive()));
    em.persist(command);
    em.flush(); // the command row first, then its deliveries
    SqlStatement insert =
        CommandTargets.insertDeliveries(
            command.id(), applicationId, draft.targets(), now.toEpochMilli());
    int targeted = insert.bindTo(em.createNativeQuery(insert.sql())).executeUpdate();
    command.targeted(targeted);
    queued.fire(new CommandQueued(command.id(), targeted));
    work.fire(new WorkQueued(CommandDeliveryWork.NAME));
    return command;
  }

  /**
   * @throws DomainException NOT_FOUND when the application has no such command
   */
  public CommandStatus status(String applicationId, String commandId) {
    Command command = require(applicationId, commandId);
    long pending = 0;
    long delivered = 0;
    long failed = 0;
    long cancelled = 0;
    @SuppressWarnings("unchecked")
    List<Object[]> counts =
        em.createNativeQuery(
                "SELECT state, COUNT(*) FROM command_delivery WHERE command_id = ?1 GROUP BY state")
            .setParameter(1, commandId)
            .getResultList();
    for (Object[] row : counts) {
      long count = ((Number) row[1]).longValue();
      switch (DeliveryState.valueOf((String) row[0])) {
        case pending -> pending = count;
        case delivered -> delivered = count;
        case failed -> failed = count;
        case cancelled -> cancelled = count;
      }
    }
    return new CommandStatus(command, pending, delivered, failed, cancelled);
  }

  /**
   * A page of the command's deliveries in device id order, optionally in one state.
   *
   * @throws DomainException NOT_FOUND when the application has no such command
   */
  @SuppressWarnings("unchecked")
  public Page<CommandDelivery> deliveries(
      String applicationId, String commandId, Optional<DeliveryState> state, Paging paging) {
    require(applicationId, commandId);
    String where = " WHERE command_id = ?1" + (state.isPresent() ? " AND state = ?2" : "");
    Query count = em.createNativeQuery("SELECT COUNT(*) FROM command_delivery" + where);
    Query page =
        em.createNativeQuery(
            "SELECT device_id, transport, state, attempts, last_error, delivered_at"
                + " FROM command_delivery"
                + where
                + " ORDER BY command_id, device_id");
    for (Query query : List.of(count, page)) {
      query.setParameter(1, commandId);
      state.ifPresent(s -> query.setParameter(2, s.name()));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    List<Object[]> rows =
        page.setFirstResult((int) Math.min(Integer.MAX_VALUE, paging.offset()))
            .setMaxResults(paging.perPage())
            .getResultList();
    List<CommandDelivery> items =
        rows.stream()
            .map(
                row ->
                    new CommandDelivery(
                        (String) row[0],
                        Optional.ofNullable((String) row[1]),
                        DeliveryState.valueOf((String) row[2]),
                        ((Number) row[3]).intValue(),
                        Optional.ofNullable((String) row[4]),
                        Optional.ofNullable((Number) row[5])
                            .map(n -> Instant.ofEpochMilli(n.longValue()))))
            .toList();
    return new Page<>(items, total, paging.page(), paging.perPage());
  }

  private Command require(String applicationId, String commandId) {
    return Optional.ofNullable(em.find(Command.class, commandId))
        .filter(c -> c.applicationId().equals(applicationId))
        .orElseThrow(() -> DomainException.notFound("Command"));
  }
}
