package io.devices.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One load client: a closed loop (the next request leaves when the previous answer is in) drawing
 * Get, Post or Send Command by the mix. Gets look like a dashboard's: a page of 10 to 100 devices,
 * sorted by name, creation date or id, sometimes filtered by a floor tag or a name glob. Posts
 * create a device whose {@code batch} tag groups it with the client's next four; commands go to 1
 * to 5 seeded devices by id, or to one of the client's own batches by tag, so that every
 * acknowledged command's targets are known exactly.
 */
final class LoadWorker {
  private static final Pattern ID =
      Pattern.compile("\"(?:id|commandId)\"\\s*:\\s*\"([0-9a-f]{24})\"");
  private static final int BATCH = 5;
  private static final int[] PER_PAGE = {10, 20, 50, 100};

  private final int index;
  private final KeepAliveClient client;
  private final String devicesPath;
  private final int seeded;
  private final WriteLedger ledger;
  private final SplittableRandom random;
  private final List<Set<String>> batches = new ArrayList<>();
  private int posts;

  LoadWorker(
      int index, KeepAliveClient client, String applicationId, int seeded, WriteLedger ledger) {
    this.index = index;
    this.client = client;
    this.devicesPath = "/applications/" + applicationId + "/devices";
    this.seeded = seeded;
    this.ledger = ledger;
    this.random = new SplittableRandom(1000L + index);
  }

  /** Runs while the phase lets it, recording into {@code recorder}. */
  void run(LoadPhase phase, LoadRecorder recorder) {
    while (phase.next()) {
      LoadAction action = LoadAction.forDraw(random.nextInt(100));
      try {
        switch (action) {
          case get -> get(recorder);
          case post -> post(recorder);
          case command -> command(recorder);
        }
      } catch (IOException | RuntimeException e) {
        recorder.failure(action);
      }
      phase.completed();
    }
  }

  private void get(LoadRecorder recorder) throws IOException {
    StringBuilder query = new StringBuilder(devicesPath).append("?perPage=");
    query.append(PER_PAGE[random.nextInt(PER_PAGE.length)]);
    int sort = random.nextInt(100);
    query.append("&sortField=").append(sort < 60 ? "name" : sort < 85 ? "creationDate" : "id");
    query.append(random.nextInt(100) < 80 ? "" : "&sortDirection=desc");
    int page = random.nextInt(100);
    query
        .append("&page=")
        .append(page < 60 ? 0 : page < 90 ? 1 + random.nextInt(4) : random.nextInt(50));
    int filter = random.nextInt(100);
    if (filter < 20) {
      query
          .append("&tagFilter%5B0%5D%5Bkey%5D=floor&tagFilter%5B0%5D%5Bvalue%5D=")
          .append(random.nextInt(40));
    } else if (filter < 30) {
      query.append("&filter=sensor%20").append(1 + random.nextInt(99)).append("%2A");
    }
    long start = System.nanoTime();
    KeepAliveClient.Response response = client.get(query.toString());
    recorder.record(LoadAction.get, response.status(), System.nanoTime() - start);
  }

  private void post(LoadRecorder recorder) throws IOException {
    int n = posts++;
    String batch = "w" + index + "-" + n / BATCH;
    String body =
        "{\"name\":\"Load w"
            + index
            + " n"
            + n
            + "\",\"description\":\"load test device\",\"tags\":[{\"key\":\"batch\",\"value\":\""
            + batch
            + "\"},{\"key\":\"floor\",\"value\":\""
            + random.nextInt(40)
            + "\"},{\"key\":\"model\",\"value\":\"load\"}],"
            + "\"attributes\":[{\"name\":\"temperature\",\"dataType\":\"number\"}]}";
    long start = System.nanoTime();
    KeepAliveClient.Response response = client.post(devicesPath, body);
    recorder.record(LoadAction.post, response.status(), System.nanoTime() - start);
    if (response.status() == 201) {
      String id = id(response);
      ledger.device(id);
      while (batches.size() <= n / BATCH) {
        batches.add(new LinkedHashSet<>());
      }
      batches.get(n / BATCH).add(id);
    }
  }

  private void command(LoadRecorder recorder) throws IOException {
    Set<String> targets = new LinkedHashSet<>();
    String selection;
    int pick = batches.isEmpty() ? 0 : random.nextInt(batches.size() * 2);
    if (pick < batches.size() && !batches.get(pick).isEmpty()) {
      targets.addAll(batches.get(pick));
      selection = "\"deviceTags\":[{\"key\":\"batch\",\"value\":\"w" + index + "-" + pick + "\"}]";
    } else {
      int count = 1 + random.nextInt(5);
      while (targets.size() < count) {
        targets.add(String.format("b0%022d", 1 + random.nextInt(seeded)));
      }
      selection = "\"deviceIds\":[\"" + String.join("\",\"", targets) + "\"]";
    }
    String body =
        "{\"name\":\"reboot\",\"payload\":{\"delaySeconds\":"
            + random.nextInt(60)
            + "},"
            + selection
            + "}";
    long start = System.nanoTime();
    KeepAliveClient.Response response = client.post(devicesPath + "/command", body);
    recorder.record(LoadAction.command, response.status(), System.nanoTime() - start);
    if (response.status() == 200) {
      ledger.command(id(response), targets);
    }
  }

  private static String id(KeepAliveClient.Response response) {
    Matcher id = ID.matcher(response.text());
    if (!id.find()) {
      throw new IllegalStateException("no id in " + response.text());
    }
    return id.group(1);
  }
}
