package io.devices.web.device;

import io.devices.core.common.DomainException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query parameter holding an array the way the official clients send one: {@code name=x}
 * (possibly repeated), or indexed {@code name[0]=x&name[1]=y} (ordered numerically) or {@code
 * name[]=x}. It has no JAX-RS form, so it is read from the whole query.
 */
final class ArrayParameter {
  static final int MAX_ENTRIES = 100;

  private ArrayParameter() {}

  /**
   * Each value parsed by {@code parse} with its field name ({@code name} or {@code name[N]}):
   * unindexed ones first, then by index.
   */
  static <T> List<T> read(
      MultivaluedMap<String, String> parameters, String name, BiFunction<String, String, T> parse) {
    Pattern form = Pattern.compile("^" + Pattern.quote(name) + "(?:\\[(\\d*)])?$");
    Map<BigInteger, String> indexed = new TreeMap<>();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (!parameter.getKey().startsWith(name)) {
        continue;
      }
      Matcher matcher = form.matcher(parameter.getKey());
      if (!matcher.matches()) {
        throw DomainException.validation(
            name + " must be given as " + name + " or " + name + "[N], not " + parameter.getKey());
      }
      for (String value : parameter.getValue()) {
        if (matcher.group(1) == null || matcher.group(1).isEmpty()) {
          indexed.put(BigInteger.valueOf(-1 - indexed.size()), value);
        } else {
          indexed.put(new BigInteger(matcher.group(1)), value);
        }
      }
      if (indexed.size() > MAX_ENTRIES) {
        throw DomainException.validation(name + " may have at most " + MAX_ENTRIES + " entries");
      }
    }
    List<T> values = new ArrayList<>(indexed.size());
    indexed.forEach(
        (index, value) ->
            values.add(parse.apply(index.signum() < 0 ? name : name + "[" + index + "]", value)));
    return values;
  }
}
