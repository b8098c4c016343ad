package io.devices.benchmark;

import io.devices.core.common.Paging;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.NameGlob;
import io.devices.core.device.SortDirection;
import io.devices.core.device.SortField;
import io.devices.core.device.TagMatch;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Selectors;
import java.util.List;

/**
 * The timed list requests (a)-(d) with the older selectors; the selectors become a {@link
 * DeviceQuery} on the SQL side exactly as the server's parameter reader builds it.
 */
enum ListCase implements DeviceListCase {
  /** (a) perPage=100 sorted by name: pages 0..9, ascending and descending. */
  page("page", "(a) GET perPage=100 sortField=name") {
    @Override
    public ListRequest request(int k) {
      int page = k % 10;
      SortDirection direction = (k / 10) % 2 == 0 ? SortDirection.asc : SortDirection.desc;
      return new ListRequest(
          "perPage=100&page=" + page + "&sortField=name&sortDirection=" + direction,
          byName(direction, page, DeviceQuery.everything()));
    }
  },
  /** (b) a deep page: pages 495..505 of 100. */
  deep("deep", "(b) GET page=495..505 perPage=100") {
    @Override
    public ListRequest request(int k) {
      int page = 495 + k % 11;
      return new ListRequest(
          "perPage=100&page=" + page + "&sortField=name",
          byName(SortDirection.asc, page, DeviceQuery.everything()));
    }
  },
  /** (c) a name glob: dev-10* .. dev-19*, about 1,000 matches each. */
  glob("glob", "(c) GET filter=dev-1N* perPage=100") {
    @Override
    public ListRequest request(int k) {
      String glob = "dev-1" + (k % 10) + "*";
      return new ListRequest(
          "perPage=100&sortField=name&filter=" + glob.replace("*", "%2A"),
          byName(SortDirection.asc, 0, Selectors.nameGlob(new NameGlob(glob))));
    }
  },
  /** (d) two tagFilter entries (floor=X or floor=Y), X and Y rotating over the 50 floors. */
  tags("tags", "(d) GET tagFilter floor=X|floor=Y") {
    @Override
    public ListRequest request(int k) {
      String first = Integer.toString(k % Seeder.FLOORS);
      String second = Integer.toString((k + Seeder.FLOORS / 2 + 1) % Seeder.FLOORS);
      DeviceQuery floors =
          Selectors.tags(
              List.of(
                  Selectors.tag("tagFilter[0]", "floor", first),
                  Selectors.tag("tagFilter[1]", "floor", second)),
              TagMatch.any);
      return new ListRequest(
          "perPage=100&sortField=name"
              + "&tagFilter%5B0%5D%5Bkey%5D=floor&tagFilter%5B0%5D%5Bvalue%5D="
              + first
              + "&tagFilter%5B1%5D%5Bkey%5D=floor&tagFilter%5B1%5D%5Bvalue%5D="
              + second,
          byName(SortDirection.asc, 0, floors));
    }
  };

  private final String key;
  private final String label;

  ListCase(String key, String label) {
    this.key = key;
    this.label = label;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String apiKey() {
    return "get_" + key;
  }

  @Override
  public String label() {
    return label;
  }

  /** A page of 100 sorted by name (the application id is added later). */
  static DeviceListRequest byName(SortDirection direction, int page, DeviceQuery query) {
    return new DeviceListRequest("", SortField.name, direction, new Paging(page, 100), query);
  }
}
