package io.devices.benchmark;

/**
 * A request that the benchmark times on the API and on the SQL baseline. Sample {@code k} names the
 * same request on both sides, and the parameters rotate with {@code k} so that consecutive samples
 * do not repeat a query: H2 reuses the result of an identical query while the tables are unchanged.
 */
interface TimedList {
  /** The suffix of the SQL and ratio figures: {@code sql_<key>_median_ms}, {@code ratio_<key>}. */
  String key();

  /** The prefix of the API figures: {@code <apiKey>_median_ms}. */
  String apiKey();

  /** How the table names it. */
  String label();

  /** The path and query string of sample {@code k} under {@code /applications/<app>/devices}. */
  String path(int k);

  /** What an API answer returned, to compare with the SQL side's. */
  LatencyProbe.Sample sample(String body);

  /** Sample {@code k} over JDBC: the statements the server runs for it. */
  SqlBaseline.Outcome sql(SqlBaseline baseline, String applicationId, int k) throws Exception;
}
