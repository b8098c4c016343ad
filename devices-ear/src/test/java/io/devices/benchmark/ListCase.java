package io.devices.benchmark;

import io.devices.core.common.Paging;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.NameGlob;
import io.devices.core.device.SortDirection;
import io.devices.core.device.SortField;
import io.devices.core.device.TagMatch;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Selectors;
import io.devices.core.device.query.TagCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One of the timed list requests (a)-(d). Sample {@code k} of a case names the same request on the
 * API side (a query string) and on the SQL side (a {@link DeviceListRequest} of the core), and the
 * parameters rotate with {@code k} so that consecutive samples never repeat a query: H2 reuses the
 * result of an identical query while the tables are unchanged.
 */
enum ListCase {
  /** (a) perPage=100 sorted by name: pages 0..9, ascending and descending. */
  page("page", "GET perPage=100 sortField=name") {
    @Override
    Request request(int k) {
      int page = k % 10;
      SortDirection direction = (k / 10) % 2 == 0 ? SortDirection.asc : SortDirection.desc;
      return new Request(
          "perPage=100&page=" + page + "&sortField=name&sortDirection=" + direction,
          query(direction, page, Optional.empty(), List.of()));
    }
  },
  /** (b) a deep page: pages 495..505 of 100. */
  deep("deep", "GET page=495..505 perPage=100") {
    @Override
    Request request(int k) {
      int page = 495 + k % 11;
      return new Request(
          "perPage=100&page=" + page + "&sortField=name",
          query(SortDirection.asc, page, Optional.empty(), List.of()));
    }
  },
  /** (c) a name glob: dev-10* .. dev-19*, about 1,000 matches each. */
  glob("glob", "GET filter=dev-1N* perPage=100") {
    @Override
    Request request(int k) {
      String glob = "dev-1" + (k % 10) + "*";
      return new Request(
          "perPage=100&sortField=name&filter=" + glob.replace("*", "%2A"),
          query(SortDirection.asc, 0, Optional.of(new NameGlob(glob)), List.of()));
    }
  },
  /** (d) two tagFilter entries (floor=X or floor=Y), X and Y rotating over the 50 floors. */
  tags("tags", "GET tagFilter floor=X|floor=Y") {
    @Override
    Request request(int k) {
      String first = Integer.toString(k % Seeder.FLOORS);
      String second = Integer.toString((k + Seeder.FLOORS / 2 + 1) % Seeder.FLOORS);
      return new Request(
          "perPage=100&sortField=name"
              + "&tagFilter%5B0%5D%5Bkey%5D=floor&tagFilter%5B0%5D%5Bvalue%5D="
              + first
              + "&tagFilter%5B1%5D%5Bkey%5D=floor&tagFilter%5B1%5D%5Bvalue%5D="
              + second,
          query(
              SortDirection.asc,
              0,
              Optional.empty(),
              List.of(Selectors.tag("t", "floor", first), Selectors.tag("t", "floor", second))));
    }
  };

  /** The same request for the API and for the SQL baseline; the application id is added later. */
  record Request(String queryString, DeviceListRequest query) {
    DeviceListRequest forApplication(String applicationId) {
      return new DeviceListRequest(
          applicationId, query.sortField(), query.sortDirection(), query.paging(), query.query());
    }
  }

  private final String key;
  private final String label;

  ListCase(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The suffix of the JSON keys, e.g. {@code ratio_page}. */
  String key() {
    return key;
  }

  String label() {
    return label;
  }

  abstract Request request(int k);

  private static DeviceListRequest query(
      SortDirection direction, int page, Optional<NameGlob> glob, List<TagCondition> tags) {
    List<DeviceQuery> parts = new ArrayList<>();
    glob.map(Selectors::nameGlob).ifPresent(parts::add);
    if (!tags.isEmpty()) {
      parts.add(Selectors.tags(tags, TagMatch.any));
    }
    return new DeviceListRequest(
        "", SortField.name, direction, new Paging(page, 100), DeviceQuery.and(parts));
  }
}
