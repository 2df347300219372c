package org.policysearch.doc;

/**
 * Where a document comes from, as province › city › county.
 *
 * <p>Paths join the known levels with '/': {@code 湖北省/鄂州市}, {@code 湖北省/鄂州市/华容区}. Districts and
 * counties of the four municipalities sit directly under them ({@code 重庆市/潼南区}). National documents
 * have the path {@link #NATIONAL} and no province. A region that cannot be told is {@link #NONE}.
 *
 * @param province   e.g. 湖北省 ("" for national or unknown)
 * @param city       e.g. 鄂州市 ("" when unknown or for a municipality's district)
 * @param county     e.g. 华容区 ("" when unknown)
 * @param path       the levels joined with '/', or "全国", or ""
 * @param code       administrative division code of the most specific level ("" when none)
 * @param confidence 0..1, how sure extraction is (1 for given or sidecar metadata)
 * @param asWritten  the former name the document calls its place by, when that is not today's name (徐水县
 *                   for 徐水区, 思茅地区 for 普洱市); "" when it uses today's name or the place was inferred
 */
public record RegionInfo(String province, String city, String county, String path, String code, double confidence,
                         String asWritten) {
  public static final String NATIONAL = "全国";
  public static final RegionInfo NONE = new RegionInfo("", "", "", "", "", 0);

  /** A region named by today's name. */
  public RegionInfo(String province, String city, String county, String path, String code, double confidence) {
    this(province, city, county, path, code, confidence, "");
  }

  /** The same region, with the former name the document wrote. */
  public RegionInfo withAsWritten(String written) {
    return new RegionInfo(province, city, county, path, code, confidence, written);
  }

  public RegionInfo {
    province = province == null ? "" : province;
    city = city == null ? "" : city;
    county = county == null ? "" : county;
    path = path == null ? "" : path;
    code = code == null ? "" : code;
    asWritten = asWritten == null ? "" : asWritten;
  }

  public static RegionInfo national(double confidence) {
    return new RegionInfo("", "", "", NATIONAL, "", confidence);
  }

  public boolean known() {
    return !path.isEmpty();
  }

  public boolean national() {
    return NATIONAL.equals(path);
  }
}
