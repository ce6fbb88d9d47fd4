package io.mlconnector.mapping;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The state and province codes (ISO 3166-2, without the country prefix) of the countries whose addresses
 * Acumatica checks against a list of states: the United States, Canada, India and Australia. When Chargebee sends
 * only the free-text {@code state} (no {@code state_code}), that text is sent if it is one of these codes or names
 * ("California" → {@code CA}; India's codes as ISO 3166-2 has them since 2023, the older CT, OR, TG and UT read as
 * their successors CG, OD, TS and UK); for other countries, or text that is neither, no state is sent: Acumatica
 * rejects a state its country does not list, and a wrong one is worse than none. Pure data.
 */
final class Subdivisions {
    private static final Map<String, Map<String, String>> CODE_BY_NAME_OR_CODE = Map.of(
            "US", table("""
                    AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|\
                    DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|\
                    KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|\
                    MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|\
                    NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|\
                    PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|\
                    VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming|AS American Samoa|\
                    GU Guam|MP Northern Mariana Islands|PR Puerto Rico|UM United States Minor Outlying Islands|\
                    VI Virgin Islands, U.S.|AA Armed Forces Americas|AE Armed Forces Europe|AP Armed Forces Pacific"""),
            "CA", table("""
                    AB Alberta|BC British Columbia|MB Manitoba|NB New Brunswick|NL Newfoundland and Labrador|\
                    NS Nova Scotia|NT Northwest Territories|NU Nunavut|ON Ontario|PE Prince Edward Island|QC Quebec|\
                    SK Saskatchewan|YT Yukon"""),
            "IN", table("""
                    AN Andaman and Nicobar Islands|AP Andhra Pradesh|AR Arunachal Pradesh|AS Assam|BR Bihar|\
                    CH Chandigarh|CG Chhattisgarh|DH Dadra and Nagar Haveli and Daman and Diu|DL Delhi|GA Goa|\
                    GJ Gujarat|HR Haryana|HP Himachal Pradesh|JK Jammu and Kashmir|JH Jharkhand|KA Karnataka|\
                    KL Kerala|LA Ladakh|LD Lakshadweep|MP Madhya Pradesh|MH Maharashtra|MN Manipur|ML Meghalaya|\
                    MZ Mizoram|NL Nagaland|OD Odisha|PY Puducherry|PB Punjab|RJ Rajasthan|SK Sikkim|TN Tamil Nadu|\
                    TS Telangana|TR Tripura|UP Uttar Pradesh|UK Uttarakhand|WB West Bengal|\
                    CG CT|OD OR|TS TG|UK UT"""),
            "AU", table("""
                    ACT Australian Capital Territory|NSW New South Wales|NT Northern Territory|QLD Queensland|\
                    SA South Australia|TAS Tasmania|VIC Victoria|WA Western Australia"""));

    private Subdivisions() {}

    /**
     * The state Acumatica should get: Chargebee's {@code state_code} whenever it sends one (Chargebee sends it only as
     * a code of the address's country, e.g. {@code AZ}, {@code QC}, {@code 13} for Tokyo); else the free-text
     * {@code state} when it is a code or name of one of the countries above; else none.
     */
    static Optional<String> stateFor(String country, String stateCode, String state) {
        if (stateCode != null && !stateCode.isBlank()) {
            return Optional.of(stateCode.strip().toUpperCase(Locale.ROOT));
        }
        Map<String, String> codes = country == null ? null
                : CODE_BY_NAME_OR_CODE.get(country.strip().toUpperCase(Locale.ROOT));
        return codes == null || state == null ? Optional.empty() : Optional.ofNullable(codes.get(key(state)));
    }

    private static Map<String, String> table(String entries) {
        Map<String, String> codes = new HashMap<>();
        for (String entry : entries.split("\\|")) {
            String code = entry.strip().substring(0, entry.strip().indexOf(' '));
            String name = entry.strip().substring(code.length() + 1);
            codes.put(key(code), code);
            codes.put(key(name), code);
        }
        return Map.copyOf(codes);
    }

    /** Case, accents, punctuation and spacing do not matter: "Québec", "quebec" and "QUEBEC" are one key. */
    private static String key(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
