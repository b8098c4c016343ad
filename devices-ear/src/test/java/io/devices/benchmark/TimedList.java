package io.devices.benchmark;

/**
 * A device list that the benchmark times on the API and on the SQL baseline. Sample {@code k} names
 * the same request on both sides, and the parameters rotate with {@code k} so that consecutive
 * samples do not repeat a query: H2 reuses the result of an identical query while the tables are
 * unchanged.
 */
interface TimedList {
  /** The suffix of the SQL and ratio figures: {@code sql_<key>_median_ms}, {@code ratio_<key>}. */
  String key();

  /** The prefix of the API figures: {@code <apiKey>_median_ms}. */
  String apiKey();

  /** How the table names it. */
  String label();

  ListRequest request(int k);
}
