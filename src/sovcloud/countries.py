"""ISO 3166-1 alpha-2 country codes, and which of them are EU member states.

Kept as data here rather than a dependency: the list is small, stable and needed on the
query path, where start-up time counts.
"""

ISO_3166_ALPHA2 = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO
    DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU
    GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW
    KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU
    MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
    PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA
    ZM ZW""".split()
)

EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
# The European Economic Area: the EU and Iceland, Liechtenstein, Norway. The EU Cloud
# Sovereignty Framework counts EU/EEA entities and locations alike.
EEA_MEMBERS = EU_MEMBERS | frozenset({"IS", "LI", "NO"})

# Country names people write instead of the code, in English and French (folded: lower
# case, no accents), for "did you mean FR?" hints. Not exhaustive: the markets sovcloud
# covers and their usual partners.
COUNTRY_NAMES = {
    "austria": "AT",
    "autriche": "AT",
    "belgium": "BE",
    "belgique": "BE",
    "bulgaria": "BG",
    "bulgarie": "BG",
    "croatia": "HR",
    "croatie": "HR",
    "cyprus": "CY",
    "chypre": "CY",
    "czech republic": "CZ",
    "czechia": "CZ",
    "republique tcheque": "CZ",
    "tchequie": "CZ",
    "denmark": "DK",
    "danemark": "DK",
    "estonia": "EE",
    "estonie": "EE",
    "finland": "FI",
    "finlande": "FI",
    "france": "FR",
    "germany": "DE",
    "allemagne": "DE",
    "deutschland": "DE",
    "greece": "GR",
    "grece": "GR",
    "hungary": "HU",
    "hongrie": "HU",
    "ireland": "IE",
    "irlande": "IE",
    "italy": "IT",
    "italie": "IT",
    "italia": "IT",
    "latvia": "LV",
    "lettonie": "LV",
    "lithuania": "LT",
    "lituanie": "LT",
    "luxembourg": "LU",
    "malta": "MT",
    "malte": "MT",
    "netherlands": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "pays-bas": "NL",
    "pays bas": "NL",
    "poland": "PL",
    "pologne": "PL",
    "portugal": "PT",
    "romania": "RO",
    "roumanie": "RO",
    "slovakia": "SK",
    "slovaquie": "SK",
    "slovenia": "SI",
    "slovenie": "SI",
    "spain": "ES",
    "espagne": "ES",
    "espana": "ES",
    "sweden": "SE",
    "suede": "SE",
    "switzerland": "CH",
    "suisse": "CH",
    "norway": "NO",
    "norvege": "NO",
    "iceland": "IS",
    "islande": "IS",
    "united kingdom": "GB",
    "uk": "GB",
    "great britain": "GB",
    "royaume-uni": "GB",
    "royaume uni": "GB",
    "england": "GB",
    "united states": "US",
    "usa": "US",
    "us": "US",
    "etats-unis": "US",
    "etats unis": "US",
    "america": "US",
    "canada": "CA",
    "china": "CN",
    "chine": "CN",
    "japan": "JP",
    "japon": "JP",
    "india": "IN",
    "inde": "IN",
    "israel": "IL",
    "monaco": "MC",
    "liechtenstein": "LI",
    "tunisia": "TN",
    "tunisie": "TN",
    "morocco": "MA",
    "maroc": "MA",
    "eu": "",
    "europe": "",
}
